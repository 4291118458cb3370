package dev.vigil.analyst.incident;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TacticChainTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void tacticsAreOrderedByFirstAppearanceInTime() {
        TacticChain c = TacticChain.of(List.of(
                new TacticChain.Step(T.plusSeconds(300), List.of(Tactic.LATERAL_MOVEMENT)),
                new TacticChain.Step(T, List.of(Tactic.INITIAL_ACCESS)),
                new TacticChain.Step(T.plusSeconds(100), List.of(Tactic.CREDENTIAL_ACCESS)),
                new TacticChain.Step(T.plusSeconds(400), List.of(Tactic.CREDENTIAL_ACCESS))));

        assertEquals(List.of(Tactic.INITIAL_ACCESS, Tactic.CREDENTIAL_ACCESS, Tactic.LATERAL_MOVEMENT), c.tactics());
        assertEquals(2, c.forwardSteps());
        assertEquals("Initial Access → Credential Access → Lateral Movement", c.describe());
    }

    @Test
    void aStepBackInTheKillChainIsNotCountedAsProgress() {
        TacticChain c = TacticChain.of(List.of(new TacticChain.Step(T, List.of(Tactic.LATERAL_MOVEMENT)),
                new TacticChain.Step(T.plusSeconds(1), List.of(Tactic.DISCOVERY))));

        assertEquals(0, c.forwardSteps());
    }

    @Test
    void sigmaTagsNameTacticsInEitherSpelling() {
        assertEquals(Tactic.LATERAL_MOVEMENT, Tactic.ofTag("attack.lateral_movement").orElseThrow());
        assertEquals(Tactic.COMMAND_AND_CONTROL, Tactic.ofTag("attack.command-and-control").orElseThrow());
        assertTrue(Tactic.ofTag("attack.t1003.001").isEmpty());
        assertEquals(14, Tactic.values().length);
    }

    @Test
    void aForwardChainRaisesTheScoreAboveTheAlertsAlone() {
        TacticChain flat = TacticChain.of(List.of());
        TacticChain forward = TacticChain.of(List.of(new TacticChain.Step(T, List.of(Tactic.INITIAL_ACCESS)),
                new TacticChain.Step(T.plusSeconds(1), List.of(Tactic.EXECUTION)),
                new TacticChain.Step(T.plusSeconds(2), List.of(Tactic.PERSISTENCE))));

        double alone = IncidentScore.of(List.of(0.3, 0.3), flat).value();
        double chained = IncidentScore.of(List.of(0.3, 0.3), forward).value();

        assertEquals(1 - 0.7 * 0.7, alone, 1e-9);
        assertEquals(alone + (1 - alone) * 0.2, chained, 1e-9);
    }

    @Test
    void aJoiningAlertNeverLowersTheScore() {
        TacticChain none = TacticChain.of(List.of());
        assertTrue(IncidentScore.of(List.of(0.6, 0.01), none).value() >= IncidentScore.of(List.of(0.6), none).value());
    }
}
