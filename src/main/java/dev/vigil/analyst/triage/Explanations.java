package dev.vigil.analyst.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says in plain words why a triage score is what it is: the features that moved it most, phrased from the context
 * (not from the model's internals), e.g. "9 of 10 similar past alerts were false positives". Pure.
 */
public final class Explanations {

    private Explanations() {
    }

    /** The top {@code limit} reasons, strongest first, each saying whether it raised or lowered the score. */
    public static List<String> of(TriageContext c, List<TriageModel.Contribution> contributions, int limit) {
        List<String> out = new ArrayList<>();
        for (TriageModel.Contribution k : contributions) {
            if (out.size() == limit || Math.abs(k.effect()) < 0.05f) {
                break;
            }
            String words = words(k.feature(), c);
            if (words != null) {
                out.add((k.effect() > 0 ? "raises: " : "lowers: ") + words);
            }
        }
        if (!c.anomaly().reasons().isEmpty() && out.stream().noneMatch(s -> s.contains(c.anomaly().reasons().getFirst()))) {
            out.add("anomaly: " + c.anomaly().reasons().getFirst());
        }
        return List.copyOf(out);
    }

    private static String words(String feature, TriageContext c) {
        var s = c.similar();
        return switch (feature) {
            case "rule_level" -> "rule level " + c.level().sigmaName();
            case "rule_precision", "rule_history" -> c.ruleClosed() == 0 ? "no verdicts yet on this rule"
                    : c.ruleTruePositives() + " of " + c.ruleClosed() + " earlier alerts of this rule were true positives";
            case "rule_volume_24h" -> "this rule fired " + c.ruleAlerts24h() + " times in the last 24 hours";
            case "entity_alerts_24h" -> c.entityAlerts24h() + " other alerts on the same entity in the last 24 hours";
            case "entity_rules_24h" -> c.entityRules24h() + " distinct rules fired on the same entity in the last 24 hours";
            case "rule_spread_7d" -> "this rule fired on " + c.ruleEntities7d() + " entities in the last 7 days";
            case "hour_sin", "hour_cos" -> String.format(Locale.ROOT, "first seen at %02d:00 UTC", c.hourOfDay());
            case "anomaly_score" -> c.anomaly().reasons().isEmpty()
                    ? String.format(Locale.ROOT, "anomaly score %.2f", c.anomaly().score()) : c.anomaly().reasons().getFirst();
            case "similar_true_positive_ratio", "similar_count" -> s.similar() == 0 ? "no similar past alert with a verdict"
                    : s.truePositives() + " of " + s.similar() + " similar past alerts were true positives ("
                    + s.falsePositives() + " false, " + s.benignPositives() + " benign)";
            case "attack_tactics" -> c.tactics().isEmpty() ? "no ATT&CK tactic tagged"
                    : "ATT&CK " + String.join(", ", c.tactics());
            case "event_count" -> c.eventCount() + " events";
            case "correlation" -> c.correlation() ? "raised by a correlation of several events" : "a single-event rule";
            default -> null;
        };
    }
}
