package dev.vigil.learn;

import dev.vigil.analyst.triage.RankingMetrics;

/**
 * What one training run did: the version it registered, both models' metrics on the held-out verdicts, the gate's
 * decision, and whether the challenger became champion.
 */
public record TrainingOutcome(ModelVersion version, String championLabel, RankingMetrics challenger,
                              RankingMetrics champion, ChampionGate.Decision gate, boolean promoted, int trainCount,
                              int heldOutCount, int skipped) {
}
