package dev.vigil.console.web;

import dev.vigil.analyst.triage.AlertTriage;
import dev.vigil.detect.alert.Alert;

import java.util.Comparator;
import java.util.List;

/**
 * The alert queue's order: by triage priority (P1 first; alerts without a triage last), then by the model's
 * probability (higher first), then newest last-seen first, then id. Pure logic.
 */
public final class AlertQueue {

    /** One alert with its triage (null when it has none). */
    public record Row(Alert alert, AlertTriage triage) {
        /** P1..P4, or "–" without a triage. */
        public String priority() {
            return triage == null ? "–" : triage.priority();
        }
    }

    static final Comparator<Row> ORDER = Comparator
            .comparing((Row r) -> r.triage() == null ? "P9" : r.triage().priority())
            .thenComparing((Row r) -> r.triage() == null || r.triage().probability() == null ? 0.0 : -r.triage().probability())
            .thenComparing((Row r) -> r.alert().lastSeen(), Comparator.reverseOrder())
            .thenComparing(r -> r.alert().id());

    private AlertQueue() {
    }

    public static List<Row> sorted(List<Row> rows) {
        return rows.stream().sorted(ORDER).toList();
    }
}
