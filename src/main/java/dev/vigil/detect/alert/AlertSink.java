package dev.vigil.detect.alert;

/** Where detection hands what fired; alerting decides whether it is a new alert or folds into an open one. */
@FunctionalInterface
public interface AlertSink {

    void raise(AlertCandidate candidate);
}
