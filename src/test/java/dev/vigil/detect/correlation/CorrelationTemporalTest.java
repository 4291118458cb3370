package dev.vigil.detect.correlation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.detect.correlation.CorrelationFixture.engine;
import static dev.vigil.detect.correlation.CorrelationFixture.offerAll;
import static dev.vigil.detect.correlation.CorrelationFixture.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** temporal needs every referenced rule in the window; temporal_ordered needs them in the listed order of event time. */
class CorrelationTemporalTest {

    private static final String ORDERED = """
            title: Download then execute
            correlation:
                type: temporal_ordered
                rules: [download, execute]
                group-by: [Computer]
                timespan: 5m
            """;
    private static final String UNORDERED = ORDERED.replace("temporal_ordered", "temporal").replace("Download then execute", "Download and execute");

    private final CorrelationFixture fixture = new CorrelationFixture();

    @Test
    void temporalFiresForMatchesInTheListedOrder() throws Exception {
        assertEquals(List.of("Download and execute {Computer=pc1}"), offerAll(engine(UNORDERED),
                fixture.match("download", seconds(0), "Computer", "pc1"), fixture.match("execute", seconds(10), "Computer", "pc1")));
    }

    @Test
    void temporalFiresForMatchesInTheOtherOrder() throws Exception {
        assertEquals(List.of("Download and execute {Computer=pc1}"), offerAll(engine(UNORDERED),
                fixture.match("execute", seconds(0), "Computer", "pc1"), fixture.match("download", seconds(10), "Computer", "pc1")));
    }

    @Test
    void temporalDoesNotFireWhenTheRulesMatchFurtherApartThanTheTimespan() throws Exception {
        assertEquals(List.of(), offerAll(engine(UNORDERED),
                fixture.match("download", seconds(0), "Computer", "pc1"), fixture.match("execute", seconds(301), "Computer", "pc1")));
    }

    @Test
    void temporalWithAConditionNeedsOnlyThatManyOfTheRules() throws Exception {
        CorrelationEngine engine = engine("""
                title: Two of three
                correlation:
                    type: temporal
                    rules: [a, b, c]
                    group-by: [Computer]
                    timespan: 5m
                    condition: {gte: 2}
                """);
        assertEquals(List.of("Two of three {Computer=pc1}"), offerAll(engine,
                fixture.match("c", seconds(0), "Computer", "pc1"), fixture.match("c", seconds(1), "Computer", "pc1"),
                fixture.match("a", seconds(2), "Computer", "pc1")));
    }

    @Test
    void temporalOrderedFiresForMatchesInTheListedOrder() throws Exception {
        assertEquals(List.of("Download then execute {Computer=pc1}"), offerAll(engine(ORDERED),
                fixture.match("download", seconds(0), "Computer", "pc1"), fixture.match("execute", seconds(10), "Computer", "pc1")));
    }

    @Test
    void temporalOrderedDoesNotFireForMatchesInTheOtherOrder() throws Exception {
        assertEquals(List.of(), offerAll(engine(ORDERED),
                fixture.match("execute", seconds(0), "Computer", "pc1"), fixture.match("download", seconds(10), "Computer", "pc1")));
    }

    @Test
    void temporalOrderedFiresOnceTheSecondRuleFollowsALaterFirst() throws Exception {
        assertEquals(List.of("Download then execute {Computer=pc1}"), offerAll(engine(ORDERED),
                fixture.match("execute", seconds(0), "Computer", "pc1"), fixture.match("download", seconds(10), "Computer", "pc1"),
                fixture.match("execute", seconds(20), "Computer", "pc1")));
    }

    @Test
    void temporalOrderedJudgesOrderByEventTimeNotArrival() throws Exception {
        assertEquals(List.of("Download then execute {Computer=pc1}"), offerAll(engine(ORDERED),
                fixture.match("execute", seconds(10), "Computer", "pc1"), fixture.match("download", seconds(5), "Computer", "pc1")),
                "the download happened first, though it arrived second");
    }
}
