package dev.vigil.detect.correlation;

import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.RuleMatch;
import dev.vigil.detect.sigma.CorrelationDocument;
import dev.vigil.detect.sigma.RuleDocument;
import dev.vigil.detect.sigma.RuleSource;
import dev.vigil.detect.sigma.SigmaRuleException;
import dev.vigil.detect.sigma.SigmaRuleReader;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Builds what the correlation tests need: rules read from YAML text exactly as rule files are read, and rule matches
 * on hand-made events (tenant {@code t} unless said otherwise), with event ids in creation order.
 */
final class CorrelationFixture {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final TenantId TENANT = TenantId.of("t");
    private static final LogSource SOURCE = new LogSource("windows", null, "security");

    /** An event_count rule: two failed logins of one user on one computer within an hour. */
    static final String TWO_FAILURES = """
            title: Two failures
            id: 44444444-4444-4444-8444-444444444444
            correlation:
                type: event_count
                rules: [failed_login]
                group-by: [User, Computer]
                timespan: 1h
                condition: {gte: 2}
            level: high
            tags: [attack.t1110]
            """;

    private long sequence;

    /** Every correlation rule in a (multi-document) YAML text; other documents are read and skipped. */
    static List<CorrelationRule> rules(String yaml) throws SigmaRuleException {
        List<CorrelationRule> rules = new ArrayList<>();
        for (RuleDocument document : new SigmaRuleReader().read(new RuleSource("test.yml", yaml))) {
            if (document instanceof CorrelationDocument correlation) {
                rules.add(new CorrelationRuleReader().read(correlation));
            }
        }
        return rules;
    }

    /** The one correlation rule in a YAML text. */
    static CorrelationRule rule(String yaml) throws SigmaRuleException {
        return rules(yaml).getFirst();
    }

    /** The error reading the YAML text fails with. */
    static SigmaRuleException error(String yaml) {
        return assertThrows(SigmaRuleException.class, () -> rules(yaml));
    }

    /** An engine for the rules in the YAML text, with the default bounds. */
    static CorrelationEngine engine(String yaml) throws SigmaRuleException {
        return new CorrelationEngine(rules(yaml));
    }

    static Instant at(Duration offset) {
        return T0.plus(offset);
    }

    static Instant seconds(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A match of the rule named {@code rule} (its id is {@code id-<rule>}) on an event with the given fields. */
    RuleMatch match(String rule, Instant time, String... fieldsAndValues) {
        return match(TENANT, rule, time, fieldsAndValues);
    }

    RuleMatch match(TenantId tenant, String rule, Instant time, String... fieldsAndValues) {
        return new RuleMatch("id-" + rule, rule, rule, RuleLevel.LOW, List.of(), event(tenant, time, fieldsAndValues), List.of());
    }

    /** A match of a rule that has an id and no name. */
    RuleMatch matchById(String id, Instant time, String... fieldsAndValues) {
        return new RuleMatch(id, null, "rule " + id, RuleLevel.LOW, List.of(), event(TENANT, time, fieldsAndValues), List.of());
    }

    private NormalizedEvent event(TenantId tenant, Instant time, String... fieldsAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new NormalizedEvent(++sequence, tenant, time, time, "test", SOURCE, fields, "{}", null);
    }

    /** Offers every match in turn; returns every firing, as {@code title {group}}. */
    static List<String> offerAll(CorrelationEngine engine, RuleMatch... matches) {
        List<String> fired = new ArrayList<>();
        for (RuleMatch match : matches) {
            engine.offer(match).forEach(f -> fired.add(describe(f)));
        }
        return fired;
    }

    static String describe(CorrelationFiring firing) {
        return firing.rule().title() + " " + firing.group();
    }
}
