package dev.vigil.analyst.similar;

import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertStatus;
import dev.vigil.detect.alert.Verdict;

import java.time.Instant;
import java.util.Objects;

/**
 * A past alert near another one, with how it was triaged.
 *
 * @param id         the alert
 * @param similarity cosine similarity of the two alerts' embeddings, in [-1, 1]
 * @param verdict    null unless the alert is closed
 */
public record SimilarAlert(String id, double similarity, String title, String ruleId, String level, AlertStatus status,
                           Verdict verdict, Instant lastSeen) {

    public SimilarAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    static SimilarAlert of(Alert alert, double similarity) {
        return new SimilarAlert(alert.id(), similarity, alert.title(), alert.ruleId(), alert.level().sigmaName(),
                alert.status(), alert.verdict(), alert.lastSeen());
    }
}
