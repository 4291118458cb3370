package dev.vigil.detect.correlation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.vigil.detect.correlation.CorrelationFixture.at;
import static dev.vigil.detect.correlation.CorrelationFixture.engine;
import static dev.vigil.detect.correlation.CorrelationFixture.offerAll;
import static dev.vigil.detect.correlation.CorrelationFixture.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Window edges in event time, late and out-of-order matches, and firing once per burst. */
class CorrelationWindowTest {

    private static final String THREE_IN_TEN_MINUTES = """
            title: Three failures
            correlation:
                type: event_count
                rules: [failed_login]
                group-by: [User]
                timespan: 10m
                condition: {gte: 3}
            """;
    private static final String FEWER_THAN_THREE = THREE_IN_TEN_MINUTES.replace("gte: 3", "lt: 3").replace("Three failures", "Few failures");

    private final CorrelationFixture fixture = new CorrelationFixture();

    @Test
    void aMatchJustInsideTheTimespanAfterTheFirstCorrelates() throws Exception {
        assertEquals(List.of("Three failures {User=dave}"), offerAll(engine(THREE_IN_TEN_MINUTES),
                fixture.match("failed_login", seconds(0), "User", "dave"),
                fixture.match("failed_login", seconds(300), "User", "dave"),
                fixture.match("failed_login", at(Duration.ofMinutes(10).minusMillis(1)), "User", "dave")));
    }

    @Test
    void aMatchExactlyOneTimespanAfterTheFirstIsInsideTheWindow() throws Exception {
        assertEquals(List.of("Three failures {User=dave}"), offerAll(engine(THREE_IN_TEN_MINUTES),
                fixture.match("failed_login", seconds(0), "User", "dave"),
                fixture.match("failed_login", seconds(300), "User", "dave"),
                fixture.match("failed_login", at(Duration.ofMinutes(10)), "User", "dave")));
    }

    @Test
    void aMatchJustOutsideTheTimespanDropsTheFirstFromTheSlidingWindow() throws Exception {
        CorrelationEngine engine = engine(THREE_IN_TEN_MINUTES);
        assertEquals(List.of(), offerAll(engine,
                fixture.match("failed_login", seconds(0), "User", "erin"),
                fixture.match("failed_login", seconds(300), "User", "erin"),
                fixture.match("failed_login", at(Duration.ofMinutes(10).plusMillis(1)), "User", "erin")));
        assertEquals(List.of("Three failures {User=erin}"), offerAll(engine,
                fixture.match("failed_login", seconds(700), "User", "erin")), "the window slid: 300s, 600.001s and 700s");
    }

    @Test
    void aMatchArrivingLateButInsideTheWindowCounts() throws Exception {
        assertEquals(List.of("Three failures {User=fay}"), offerAll(engine(THREE_IN_TEN_MINUTES),
                fixture.match("failed_login", seconds(500), "User", "fay"),
                fixture.match("failed_login", seconds(100), "User", "fay"),
                fixture.match("failed_login", seconds(200), "User", "fay")));
    }

    @Test
    void aMatchOlderThanTheWindowOfItsGroupIsDroppedAndCounted() throws Exception {
        CorrelationEngine engine = engine(THREE_IN_TEN_MINUTES);
        assertEquals(List.of(), offerAll(engine,
                fixture.match("failed_login", seconds(1000), "User", "gus"),
                fixture.match("failed_login", seconds(1001), "User", "gus"),
                fixture.match("failed_login", seconds(1), "User", "gus")));
        assertEquals(1, engine.stats().lateMatches());
    }

    @Test
    void oneBurstFiresOnceThenCountingStartsAfresh() throws Exception {
        CorrelationEngine engine = engine(THREE_IN_TEN_MINUTES);
        List<String> fired = offerAll(engine,
                fixture.match("failed_login", seconds(0), "User", "hal"),
                fixture.match("failed_login", seconds(1), "User", "hal"),
                fixture.match("failed_login", seconds(2), "User", "hal"),
                fixture.match("failed_login", seconds(3), "User", "hal"),
                fixture.match("failed_login", seconds(4), "User", "hal"));
        assertEquals(1, fired.size(), fired.toString());
        assertEquals(1, offerAll(engine, fixture.match("failed_login", seconds(5), "User", "hal")).size(), "the sixth is the next third");
    }

    @Test
    void anUpperBoundIsDecidedByTheFirstMatchAfterTheWindowEnds() throws Exception {
        CorrelationEngine engine = engine(FEWER_THAN_THREE);
        assertEquals(List.of(), offerAll(engine,
                fixture.match("failed_login", seconds(0), "User", "ivy"),
                fixture.match("failed_login", seconds(600), "User", "ivy")), "exactly at the end is still inside");
        assertEquals(List.of("Few failures {User=ivy}"), offerAll(engine,
                fixture.match("failed_login", at(Duration.ofMinutes(10).plusMillis(1)), "User", "ivy")));
    }

    @Test
    void anUpperBoundIsDecidedWhenEventTimeOfTheTenantPassesTheWindowEnd() throws Exception {
        CorrelationEngine engine = engine(FEWER_THAN_THREE);
        offerAll(engine, fixture.match("failed_login", seconds(0), "User", "jon"));
        assertEquals(List.of("Few failures {User=jon}"), offerAll(engine,
                fixture.match("failed_login", seconds(601), "User", "somebody-else")));
    }

    @Test
    void anUpperBoundThatFailsAtCloseDoesNotFire() throws Exception {
        CorrelationEngine engine = engine(FEWER_THAN_THREE);
        offerAll(engine,
                fixture.match("failed_login", seconds(0), "User", "kim"),
                fixture.match("failed_login", seconds(1), "User", "kim"),
                fixture.match("failed_login", seconds(2), "User", "kim"));
        assertEquals(List.of(), engine.advance(seconds(3600)));
    }
}
