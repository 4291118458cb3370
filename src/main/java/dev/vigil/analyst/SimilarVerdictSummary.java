package dev.vigil.analyst;

/**
 * How many of the past alerts nearest to one alert were closed with each verdict.
 *
 * @param similar         how many closed past alerts were considered similar
 * @param truePositives   of those, closed as true positive
 * @param benignPositives of those, closed as benign positive
 * @param falsePositives  of those, closed as false positive
 */
public record SimilarVerdictSummary(int similar, int truePositives, int benignPositives, int falsePositives) {

    /** No similar alert known (or similarity switched off). */
    public static final SimilarVerdictSummary NONE = new SimilarVerdictSummary(0, 0, 0, 0);

    public SimilarVerdictSummary {
        if (similar < 0 || truePositives < 0 || benignPositives < 0 || falsePositives < 0
                || truePositives + benignPositives + falsePositives > similar) {
            throw new IllegalArgumentException("inconsistent similar-alert counts: " + similar + " similar, "
                    + truePositives + " tp, " + benignPositives + " bp, " + falsePositives + " fp");
        }
    }
}
