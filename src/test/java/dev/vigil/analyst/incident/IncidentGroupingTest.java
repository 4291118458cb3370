package dev.vigil.analyst.incident;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentGroupingTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final Entity WS12 = new Entity(Entity.Kind.HOST, "WS-12");
    private static final Entity ALICE = new Entity(Entity.Kind.USER, "alice");
    private static final Entity BOB = new Entity(Entity.Kind.USER, "bob");
    private final IncidentGrouping grouping = new IncidentGrouping(Duration.ofHours(2));

    private static IncidentGrouping.Open open(String id, Instant opened, Instant last, Entity... entities) {
        return new IncidentGrouping.Open(id, opened, last, Set.of(entities));
    }

    @Test
    void anAlertSharingAHostWithinTheWindowJoinsThatIncident() {
        var p = grouping.place(T.plusSeconds(3600), Set.of(new Entity(Entity.Kind.HOST, "ws-12")),
                List.of(open("I-1", T, T, WS12, ALICE)));

        assertEquals("I-1", p.target());
        assertEquals(Set.of(WS12), p.shared());
    }

    @Test
    void anAlertAfterTheWindowOpensANewIncident() {
        assertTrue(grouping.place(T.plus(Duration.ofHours(3)), Set.of(WS12), List.of(open("I-1", T, T, WS12))).opensNew());
    }

    @Test
    void anAlertSharingNothingOpensANewIncident() {
        assertTrue(grouping.place(T, Set.of(BOB), List.of(open("I-1", T, T, WS12, ALICE))).opensNew());
    }

    @Test
    void anAlertLinkingTwoIncidentsJoinsTheOlderWhichAbsorbsTheOther() {
        var p = grouping.place(T.plusSeconds(600), Set.of(WS12, BOB),
                List.of(open("I-2", T.plusSeconds(60), T.plusSeconds(60), BOB), open("I-1", T, T, WS12)));

        assertEquals("I-1", p.target());
        assertEquals(List.of("I-2"), p.absorbed());
    }

    @Test
    void anAlertWithoutEntitiesNeverJoins() {
        assertTrue(grouping.place(T, Set.of(), List.of(open("I-1", T, T, WS12))).opensNew());
    }

    @Test
    void entitiesAreComparedCaseInsensitively() {
        assertEquals(new Entity(Entity.Kind.HOST, "WS-12"), new Entity(Entity.Kind.HOST, " ws-12 "));
    }

    @Test
    void aWindowOfMoreThanAWeekIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new IncidentGrouping(Duration.ofDays(8)));
    }

    @Test
    void sharedServiceAccountsAndLoopbackAddressesLinkNothing() {
        AlertEntities entities = new AlertEntities(AlertEntities.DEFAULT_STOP_LIST);

        Set<Entity> found = entities.of("host.name=ws-1;user.name=SYSTEM",
                List.of(new dev.vigil.detect.MatchedField("source.ip", "127.0.0.1"),
                        new dev.vigil.detect.MatchedField("destination.ip", "10.0.0.5"),
                        new dev.vigil.detect.MatchedField("CommandLine", "whoami")));

        assertEquals(Set.of(new Entity(Entity.Kind.HOST, "ws-1"), new Entity(Entity.Kind.IP, "10.0.0.5")), found);
    }
}
