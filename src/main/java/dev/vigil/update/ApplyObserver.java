package dev.vigil.update;

/** Told as an apply reaches each {@link ApplyStep}; for progress reporting, and for crash tests to stop the process. */
@FunctionalInterface
public interface ApplyObserver {

    ApplyObserver NONE = step -> {
    };

    void reached(ApplyStep step);
}
