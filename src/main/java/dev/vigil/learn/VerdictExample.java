package dev.vigil.learn;

import dev.vigil.analyst.triage.TriageTrainer;

import java.time.Instant;
import java.util.Objects;

/**
 * One verdict usable for training: the alert it judges, when the alert was raised, the features it was scored with
 * when raised, and the verdict with the consent and policy it was given under.
 *
 * @param raisedAt   when the alert was first seen (the split orders by it, so no model is tested on the past)
 * @param verdict    the analyst's verdict, e.g. {@code TRUE_POSITIVE}
 * @param verdictAt  when the verdict was given
 */
public record VerdictExample(String alertId, Instant raisedAt, float[] features, boolean truePositive, String verdict,
                             String consentState, String policyVersion, Instant verdictAt) {

    public VerdictExample {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(features, "features");
    }

    public TriageTrainer.LabelledAlert labelled() {
        return new TriageTrainer.LabelledAlert(alertId, features, truePositive);
    }
}
