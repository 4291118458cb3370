package dev.vigil.analyst.triage;

/**
 * Turns a {@link TriageContext} into the model's input vector, in {@link FeatureSchema#CURRENT}'s order. Pure.
 *
 * <p>Guarantees: every value is finite and roughly in [0, 5]; counts enter as {@code log1p}; the rule's precision is
 * smoothed ({@code (tp + 1) / (closed + 2)}), so a rule without verdicts counts as 0.5; without similar closed alerts
 * the similar-true-positive ratio is 0.5 (unknown), never 0.
 */
public final class TriageFeatures {

    private TriageFeatures() {
    }

    public static float[] of(TriageContext c) {
        double hour = 2 * Math.PI * c.hourOfDay() / 24.0;
        var s = c.similar();
        return new float[] {
                c.level().ordinal() / 4f,
                (c.ruleTruePositives() + 1f) / (c.ruleClosed() + 2f),
                log1p(c.ruleClosed()),
                log1p(c.ruleAlerts24h()),
                log1p(c.entityAlerts24h()),
                log1p(c.entityRules24h()),
                log1p(c.ruleEntities7d()),
                (float) Math.sin(hour),
                (float) Math.cos(hour),
                (float) c.anomaly().score(),
                s.similar() == 0 ? 0.5f : (s.truePositives() + 0.5f) / (s.similar() + 1f),
                log1p(s.similar()),
                Math.min(c.tactics().size(), 4) / 4f,
                log1p(c.eventCount()),
                c.correlation() ? 1f : 0f
        };
    }

    private static float log1p(long n) {
        return (float) Math.log1p(Math.max(0, n));
    }
}
