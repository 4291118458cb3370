package dev.vigil.detect.correlation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.detect.correlation.CorrelationFixture.offerAll;
import static dev.vigil.detect.correlation.CorrelationFixture.rules;
import static dev.vigil.detect.correlation.CorrelationFixture.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** State stays bounded: groups per rule, matches per group, and expiry by event time; every loss is counted. */
class CorrelationBoundsTest {

    private static final String TWO_PER_USER = """
            title: Two failures
            correlation:
                type: event_count
                rules: [failed_login]
                group-by: [User]
                timespan: 1h
                condition: {gte: 2}
            """;

    private final CorrelationFixture fixture = new CorrelationFixture();

    @Test
    void theLeastRecentlyUsedGroupIsEvictedAtTheGroupBoundAndCounted() throws Exception {
        CorrelationEngine engine = new CorrelationEngine(rules(TWO_PER_USER), 2, 10);
        offerAll(engine, fixture.match("failed_login", seconds(0), "User", "u1"), fixture.match("failed_login", seconds(0), "User", "u2"),
                fixture.match("failed_login", seconds(0), "User", "u3"));
        assertEquals(2, engine.stats().groups());
        assertEquals(1, engine.stats().evictedGroups());
        assertEquals(List.of(), offerAll(engine, fixture.match("failed_login", seconds(1), "User", "u1")), "u1 was evicted and starts again");
        assertEquals(List.of("Two failures {User=u3}"), offerAll(engine, fixture.match("failed_login", seconds(1), "User", "u3")));
    }

    @Test
    void theOldestMatchIsDroppedAtTheMatchBoundAndCounted() throws Exception {
        CorrelationEngine engine = new CorrelationEngine(rules(TWO_PER_USER.replace("gte: 2", "gte: 4")), 10, 3);
        assertEquals(List.of(), offerAll(engine, fixture.match("failed_login", seconds(0), "User", "u"),
                fixture.match("failed_login", seconds(1), "User", "u"), fixture.match("failed_login", seconds(2), "User", "u"),
                fixture.match("failed_login", seconds(3), "User", "u")));
        assertEquals(1, engine.stats().droppedEntries());
    }

    @Test
    void advancingEventTimeDropsGroupsNoWindowCanUse() throws Exception {
        CorrelationEngine engine = new CorrelationEngine(rules(TWO_PER_USER));
        offerAll(engine, fixture.match("failed_login", seconds(0), "User", "u1"), fixture.match("failed_login", seconds(10), "User", "u2"));
        engine.advance(seconds(3605));
        assertEquals(1, engine.stats().groups(), "u1's only match is older than an hour; u2's is not");
        engine.advance(seconds(3611));
        assertEquals(0, engine.stats().groups());
    }

    @Test
    void boundsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CorrelationEngine(List.of(), 0, 10));
    }
}
