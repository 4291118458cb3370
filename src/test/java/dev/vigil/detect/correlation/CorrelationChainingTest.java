package dev.vigil.detect.correlation;

import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.vigil.detect.correlation.CorrelationFixture.T0;
import static dev.vigil.detect.correlation.CorrelationFixture.TENANT;
import static dev.vigil.detect.correlation.CorrelationFixture.engine;
import static dev.vigil.detect.correlation.CorrelationFixture.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Correlations of correlations, suppression of referenced rules, and the alert a firing raises. */
class CorrelationChainingTest {

    private static final String CHAIN = """
            title: Spray then success
            id: 22222222-2222-4222-8222-222222222222
            correlation:
                type: temporal_ordered
                rules: [spray, successful_login]
                group-by: [SourceIP]
                timespan: 30m
            level: critical
            tags: [attack.t1110.003]
            ---
            title: Password spray
            id: 33333333-3333-4333-8333-333333333333
            name: spray
            correlation:
                type: value_count
                rules: [failed_login]
                group-by: [SourceIP]
                timespan: 10m
                condition: {field: User, gte: 3}
            """;

    private final CorrelationFixture fixture = new CorrelationFixture();

    @Test
    void anInnerFiringIsOfferedToTheCorrelationThatRefersToIt() throws Exception {
        CorrelationEngine engine = engine(CHAIN);
        List<CorrelationFiring> fired = new ArrayList<>();
        for (String user : List.of("a", "b", "c")) {
            fired.addAll(engine.offer(fixture.match("failed_login", seconds(user.charAt(0)), "SourceIP", "198.51.100.1", "User", user)));
        }
        fired.addAll(engine.offer(fixture.match("successful_login", seconds(500), "SourceIP", "198.51.100.1", "User", "c")));
        assertEquals(List.of("Password spray {SourceIP=198.51.100.1}", "Spray then success {SourceIP=198.51.100.1}"),
                fired.stream().map(CorrelationFixture::describe).toList());
        assertEquals(4, fired.getLast().eventIds().size(), "the outer firing carries the inner firing's events");
    }

    @Test
    void referencedRulesAreSuppressedUnlessACorrelationGeneratesThem() throws Exception {
        assertEquals(Set.of("spray", "successful_login", "failed_login"), engine(CHAIN).suppressedRules());
        assertEquals(Set.of("failed_login"), engine(CHAIN.replace("level: critical", "level: critical\ngenerate: true")).suppressedRules());
    }

    @Test
    void aFiringBecomesACorrelationAlertCandidateKeyedByItsGroup() throws Exception {
        CorrelationEngine engine = engine(CorrelationFixture.TWO_FAILURES);
        var first = fixture.match("failed_login", seconds(0), "User", "ann", "Computer", "pc1");
        var second = fixture.match("failed_login", seconds(60), "User", "ann", "Computer", "pc1");
        engine.offer(first);
        AlertCandidate alert = engine.offer(second).getFirst().toAlertCandidate();
        assertEquals(new AlertCandidate(TENANT, "44444444-4444-4444-8444-444444444444", "Two failures", RuleLevel.HIGH,
                List.of("attack.t1110"), AlertKind.CORRELATION, T0, T0.plusSeconds(60), List.of(first.event().id(), second.event().id()),
                List.of(new MatchedField("User", "ann"), new MatchedField("Computer", "pc1")), "User=ann;Computer=pc1"), alert);
    }
}
