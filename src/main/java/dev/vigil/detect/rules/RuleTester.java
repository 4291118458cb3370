package dev.vigil.detect.rules;

import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.Framed;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleMatch;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.RuleSource;
import dev.vigil.detect.sigma.RuleStatus;
import dev.vigil.detect.sigma.SigmaEngine;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs rules over sample events without storing anything: what {@code vigil rules test} and the console's "test a
 * rule against a pasted event" do. Events are normalised by the named connector, or by the first of
 * {@code windows-json}, {@code generic-json}, {@code linux-syslog} that parses the first record.
 */
public final class RuleTester {

    private static final List<String> GUESSES = List.of("windows-json", "generic-json", "linux-syslog");

    private final ConnectorRegistry connectors;

    public RuleTester(ConnectorRegistry connectors) {
        this.connectors = connectors;
    }

    /** One rule firing on one sample event. */
    public record Hit(int line, String eventId, String ruleId, String title, String level, List<MatchedField> matched) {
    }

    /**
     * The outcome of a test.
     *
     * @param connector the connector that normalised the events
     * @param events    how many events were read
     * @param rules     status of every rule document tested
     * @param hits      what fired, in event order
     */
    public record Report(String connector, int events, List<RuleStatus> rules, List<Hit> hits) {
    }

    public Report test(List<RuleSource> rules, String eventsText, String connectorName) {
        Connector connector = connectorName == null ? guess(eventsText) : connectors.find(connectorName)
                .orElseThrow(() -> new IllegalArgumentException("unknown connector '" + connectorName + "'; known: "
                        + String.join(", ", connectors.names())));
        SigmaEngine engine = SigmaEngine.compile(rules, EngineOptions.DEFAULTS);
        List<Hit> hits = new ArrayList<>();
        List<Framed> records = connector.frameDocument(eventsText);
        for (Framed record : records) {
            NormalizedEvent event = normalize(connector, record);
            for (RuleMatch match : engine.evaluate(event)) {
                hits.add(new Hit(record.lineNumber(), event.id(), match.ruleId(), match.title(), match.level().sigmaName(),
                        match.matched()));
            }
        }
        return new Report(connector.name(), records.size(), engine.statuses(), hits);
    }

    private Connector guess(String eventsText) {
        for (String name : GUESSES) {
            Connector candidate = connectors.find(name).orElse(null);
            if (candidate == null) {
                continue;
            }
            List<Framed> records = candidate.frameDocument(eventsText);
            if (!records.isEmpty() && !normalize(candidate, records.getFirst()).hasParseError()) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("cannot tell which connector reads these events; name one with --connector ("
                + String.join(", ", connectors.names()) + ")");
    }

    private static NormalizedEvent normalize(Connector connector, Framed record) {
        return connector.normalize(new RawEvent(record.lineNumber(), TenantId.of("rule-test"), connector.name(),
                "test:line-" + record.lineNumber(), Instant.EPOCH, record.payload()));
    }
}
