package dev.vigil.analyst.triage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The ordered inputs of a triage model: a model trained on one schema can only be fed vectors of that schema, which
 * the manifest's schema hash and the registry check at load.
 *
 * @param version bumped whenever a feature's meaning changes, even if its name does not
 */
public record FeatureSchema(int version, List<String> names) {

    /** The schema this code computes ({@link TriageFeatures}). */
    public static final FeatureSchema CURRENT = new FeatureSchema(1, List.of(
            "rule_level", "rule_precision", "rule_history", "rule_volume_24h", "entity_alerts_24h", "entity_rules_24h",
            "rule_spread_7d", "hour_sin", "hour_cos", "anomaly_score", "similar_true_positive_ratio",
            "similar_count", "attack_tactics", "event_count", "correlation"));

    public FeatureSchema {
        names = List.copyOf(names);
    }

    public int size() {
        return names.size();
    }

    /** SHA-256 (hex) of the canonical schema text {@code version:name,name,...}. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((version + ":" + String.join(",", names)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
