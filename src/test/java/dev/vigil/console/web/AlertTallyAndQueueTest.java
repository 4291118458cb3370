package dev.vigil.console.web;

import dev.vigil.analyst.triage.AlertTriage;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertStatus;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertTallyAndQueueTest {

    private static final TenantId TENANT = TenantId.of("customer");

    private static Alert alert(String id, String rule, RuleLevel level, AlertStatus status, long lastSeenSecond) {
        Instant t = Instant.ofEpochSecond(lastSeenSecond);
        return new Alert(id, TENANT, rule, "Rule " + rule, level, AlertKind.DETECTION, "", status, null, null, "g", t, t, 1,
                "", 0, "[]", t, null, null, null, null, null, null);
    }

    private static AlertTriage triage(String id, String priority, Double probability) {
        return new AlertTriage(id, TENANT, probability, priority, "", "m", Instant.EPOCH, null, null);
    }

    @Test
    void openAlertsAreCountedByLevelMostSevereFirstAndClosedOnesAreLeftOut() {
        AlertTally t = AlertTally.of(List.of(alert("a", "r1", RuleLevel.HIGH, AlertStatus.NEW, 1),
                alert("b", "r1", RuleLevel.HIGH, AlertStatus.ACKNOWLEDGED, 2),
                alert("c", "r2", RuleLevel.LOW, AlertStatus.NEW, 3),
                alert("d", "r3", RuleLevel.CRITICAL, AlertStatus.CLOSED, 4)), 5);
        assertEquals(3, t.open());
        assertEquals(List.of(RuleLevel.CRITICAL, RuleLevel.HIGH, RuleLevel.MEDIUM, RuleLevel.LOW, RuleLevel.INFORMATIONAL),
                List.copyOf(t.byLevel().keySet()));
        assertEquals(List.of(0L, 2L, 0L, 1L, 0L), List.copyOf(t.byLevel().values()));
        assertEquals(List.of("r1", "r2"), t.topRules().stream().map(AlertTally.RuleCount::ruleId).toList());
        assertEquals(2, t.topRules().getFirst().count());
    }

    @Test
    void theQueueIsOrderedByPriorityThenProbabilityThenNewestWithUntriagedLast() {
        Alert p2 = alert("p2", "r", RuleLevel.LOW, AlertStatus.NEW, 10);
        Alert p1low = alert("p1low", "r", RuleLevel.LOW, AlertStatus.NEW, 10);
        Alert p1high = alert("p1high", "r", RuleLevel.LOW, AlertStatus.NEW, 5);
        Alert none = alert("none", "r", RuleLevel.CRITICAL, AlertStatus.NEW, 99);
        List<AlertQueue.Row> sorted = AlertQueue.sorted(List.of(new AlertQueue.Row(none, null),
                new AlertQueue.Row(p2, triage("p2", "P2", 0.9)), new AlertQueue.Row(p1low, triage("p1low", "P1", 0.6)),
                new AlertQueue.Row(p1high, triage("p1high", "P1", 0.95))));
        assertEquals(List.of("p1high", "p1low", "p2", "none"), sorted.stream().map(r -> r.alert().id()).toList());
    }
}
