package dev.vigil.detect.alert;

import java.util.Objects;

/**
 * Published by {@link AlertService} when a candidate opens a new alert (not when it folds into an open one).
 *
 * <p>Guarantees: published inside the transaction that stored the alert; listeners that act on it (triage, similarity
 * indexing, incident grouping) should use {@code @TransactionalEventListener} so they run only after the alert is
 * committed and can never roll the alert back.
 */
public record AlertRaised(Alert alert) {

    public AlertRaised {
        Objects.requireNonNull(alert, "alert");
    }
}
