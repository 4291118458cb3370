package dev.vigil.detect.alert;

import java.util.Objects;

/**
 * Published by {@link AlertService} when an analyst closes an alert with a verdict.
 *
 * <p>Guarantees: the alert carries the verdict, the analyst, and the consent state and policy version stamped on the
 * verdict; published inside the closing transaction, so listeners should use {@code @TransactionalEventListener} to
 * act only once the verdict is committed.
 */
public record AlertClosed(Alert alert) {

    public AlertClosed {
        Objects.requireNonNull(alert, "alert");
        if (alert.verdict() == null) {
            throw new IllegalArgumentException("a closed alert carries a verdict: " + alert.id());
        }
    }
}
