package dev.vigil.control;

/**
 * Told of every automatic trip, after the switch is set and audited; the appliance connects this to alerting
 * (dev.vigil.detect.alert.AlertService.raise) so a trip raises an alert. Implementations must not throw.
 */
@FunctionalInterface
public interface ModelTripListener {
    void tripped(ModelTrip trip);
}
