package dev.vigil.detect.correlation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.detect.correlation.CorrelationFixture.engine;
import static dev.vigil.detect.correlation.CorrelationFixture.offerAll;
import static dev.vigil.detect.correlation.CorrelationFixture.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** value_count, value_sum, value_avg and value_percentile over numeric and non-numeric values. */
class CorrelationAggregateTest {

    private final CorrelationFixture fixture = new CorrelationFixture();

    private static String rule(String type, String condition) {
        return """
                title: Aggregate
                correlation:
                    type: %s
                    rules: [transfer]
                    group-by: [User]
                    timespan: 1h
                    condition: %s
                """.formatted(type, condition);
    }

    @Test
    void valueCountCountsDistinctValuesNotMatches() throws Exception {
        CorrelationEngine engine = engine(rule("value_count", "{field: Host, gte: 3}"));
        assertEquals(List.of(), offerAll(engine, fixture.match("transfer", seconds(0), "User", "u", "Host", "a"),
                fixture.match("transfer", seconds(1), "User", "u", "Host", "a"), fixture.match("transfer", seconds(2), "User", "u", "Host", "b"),
                fixture.match("transfer", seconds(3), "User", "u")));
        assertEquals(List.of("Aggregate {User=u}"), offerAll(engine, fixture.match("transfer", seconds(4), "User", "u", "Host", "c")));
    }

    @Test
    void valueCountOverSeveralFieldsCountsDistinctCombinations() throws Exception {
        CorrelationEngine engine = engine(rule("value_count", "{field: [Host, Port], gte: 3}"));
        assertEquals(List.of(), offerAll(engine, fixture.match("transfer", seconds(0), "User", "u", "Host", "a", "Port", "22"),
                fixture.match("transfer", seconds(1), "User", "u", "Host", "a", "Port", "22"),
                fixture.match("transfer", seconds(2), "User", "u", "Host", "a", "Port", "80")));
        assertEquals(List.of("Aggregate {User=u}"), offerAll(engine, fixture.match("transfer", seconds(3), "User", "u", "Host", "b", "Port", "22")));
    }

    @Test
    void valueSumAddsNumbersAndSkipsAndCountsValuesThatAreNot() throws Exception {
        CorrelationEngine engine = engine(rule("value_sum", "{field: Bytes, gt: 1000}"));
        assertEquals(List.of(), offerAll(engine, fixture.match("transfer", seconds(0), "User", "u", "Bytes", "600"),
                fixture.match("transfer", seconds(1), "User", "u", "Bytes", "lots"), fixture.match("transfer", seconds(2), "User", "u", "Bytes", "400")));
        List<CorrelationFiring> fired = engine.offer(fixture.match("transfer", seconds(3), "User", "u", "Bytes", "0.5"));
        assertEquals(1000.5, fired.getFirst().value());
        assertEquals(1, engine.stats().nonNumericValues());
    }

    @Test
    void valueSumForgetsNumbersThatLeaveTheWindow() throws Exception {
        CorrelationEngine engine = engine(rule("value_sum", "{field: Bytes, gte: 1000}"));
        assertEquals(List.of(), offerAll(engine, fixture.match("transfer", seconds(0), "User", "u", "Bytes", "900"),
                fixture.match("transfer", seconds(3601), "User", "u", "Bytes", "200")));
    }

    @Test
    void valueAverageIsTheMeanOfTheNumbersOnlyOnceTheWindowCloses() throws Exception {
        CorrelationEngine engine = engine(rule("value_avg", "{field: Bytes, gte: 300}"));
        assertEquals(List.of(), offerAll(engine, fixture.match("transfer", seconds(0), "User", "u", "Bytes", "500"),
                fixture.match("transfer", seconds(1), "User", "u", "Bytes", "n/a"), fixture.match("transfer", seconds(2), "User", "u", "Bytes", "100")));
        List<CorrelationFiring> fired = engine.advance(seconds(4000));
        assertEquals(300.0, fired.getFirst().value());
        assertEquals(3, fired.getFirst().eventIds().size());
    }

    @Test
    void valueAverageWithoutAnyNumberNeverFires() throws Exception {
        CorrelationEngine engine = engine(rule("value_avg", "{field: Bytes, lt: 300}"));
        offerAll(engine, fixture.match("transfer", seconds(0), "User", "u", "Bytes", "none"));
        assertEquals(List.of(), engine.advance(seconds(4000)));
    }

    @Test
    void valuePercentileWithAPercentileComparesThatPercentileOfTheNumbers() throws Exception {
        CorrelationEngine engine = engine(rule("value_percentile", "{field: Latency, percentile: 90, gt: 1000}"));
        for (int i = 1; i <= 10; i++) {
            engine.offer(fixture.match("transfer", seconds(i), "User", "u", "Latency", String.valueOf(i * 150)));
        }
        List<CorrelationFiring> fired = engine.advance(seconds(4000));
        assertEquals(1350.0, fired.getFirst().value(), "nearest rank: the 9th of 10 values");
    }

    @Test
    void valuePercentileWithoutAPercentileIsTheShareOfAValueAndNamesIt() throws Exception {
        CorrelationEngine engine = engine(rule("value_percentile", "{field: Image, gte: 75}"));
        for (int i = 0; i < 4; i++) {
            engine.offer(fixture.match("transfer", seconds(i), "User", "u", "Image", i == 0 ? "a.exe" : "b.exe"));
        }
        List<CorrelationFiring> fired = engine.advance(seconds(4000));
        assertEquals(75.0, fired.getFirst().value());
        assertEquals("b.exe", fired.getFirst().subject().value());
        assertEquals(3, fired.getFirst().eventIds().size());
    }
}
