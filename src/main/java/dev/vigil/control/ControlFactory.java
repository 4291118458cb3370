package dev.vigil.control;

import dev.vigil.appliance.VigilSettings;
import dev.vigil.audit.AuditTrail;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The kill switches over {@code <data>/control/switches.json}. */
@Factory
public class ControlFactory {

    @Singleton
    KillSwitches killSwitches(VigilSettings settings, AuditTrail audit, Clock clock, InFlightWork inFlight) {
        return new KillSwitches(new SwitchStore(settings.dataDir().resolve("control").resolve("switches.json")), audit,
                clock, inFlight);
    }
}
