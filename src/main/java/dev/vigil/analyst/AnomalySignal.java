package dev.vigil.analyst;

import java.util.List;
import java.util.Objects;

/**
 * An anomaly score in [0, 1] with the reasons behind it in plain words, e.g. "first time rundll32.exe spawned by
 * winword.exe on host ws-12".
 */
public record AnomalySignal(double score, List<String> reasons) {

    /** Nothing unusual known (or anomaly scoring switched off). */
    public static final AnomalySignal NONE = new AnomalySignal(0, List.of());

    public AnomalySignal {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("an anomaly score lies in [0, 1], was " + score);
        }
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }
}
