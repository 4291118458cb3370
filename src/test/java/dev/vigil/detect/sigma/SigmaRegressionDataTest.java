package dev.vigil.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.Framed;
import dev.vigil.detect.RuleMatch;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SigmaHQ's regression data: for every {@code info.yml}, its evtx_dump JSON events, normalised by the windows-json
 * connector and run through the engine holding every SigmaHQ rule, raise the rule named by
 * {@code rule_metadata[0].id} at least {@code match_count} times (1 when not given). Other rules may fire too.
 */
class SigmaRegressionDataTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyRegressionSampleRaisesItsRuleAtLeastMatchCountTimes() throws IOException {
        Path regression = SigmaCorpus.need(SigmaCorpus.SIGMA.resolve("regression_data"));
        SigmaEngine engine = SigmaEngine.compile(SigmaCorpus.allRuleSets(), EngineOptions.DEFAULTS);
        Connector windows = ConnectorRegistry.load(Path.of("connectors")).get("windows-json");
        List<Path> infos;
        try (Stream<Path> files = Files.walk(regression)) {
            infos = files.filter(p -> p.getFileName().toString().equals("info.yml")).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path info : infos) {
            JsonNode metadata = YAML.readTree(info.toFile());
            String ruleId = metadata.path("rule_metadata").path(0).path("id").asText();
            int expected = Math.max(1, metadata.path("regression_tests_info").path(0).path("match_count").asInt(1));
            Path events = info.resolveSibling(ruleId + ".json");
            if (!Files.exists(events)) {
                System.out.println("regression sample without events, skipped: " + info);
                continue;
            }
            checked++;
            int matches = 0;
            List<String> firedInstead = new ArrayList<>();
            for (Framed framed : windows.frameDocument(Files.readString(events))) {
                NormalizedEvent event = windows.normalize(new RawEvent(framed.lineNumber(), TenantId.of("regression"),
                        windows.name(), events.toString(), Instant.parse("2026-01-01T00:00:00Z"), framed.payload()));
                for (RuleMatch match : engine.evaluate(event)) {
                    if (match.ruleId().equals(ruleId)) {
                        matches++;
                    } else {
                        firedInstead.add(match.title());
                    }
                }
            }
            if (matches < expected) {
                String state = engine.statuses().stream().filter(s -> s.id().equals(ruleId)).findFirst()
                        .map(s -> s.state() + (s.reason() == null ? "" : " " + s.reason())).orElse("not loaded");
                failures.add(SigmaCorpus.SIGMA.relativize(info.getParent()) + ": rule " + ruleId + " ("
                        + metadata.path("rule_metadata").path(0).path("title").asText() + ", " + state + ") matched "
                        + matches + " < " + expected + "; other rules fired: " + firedInstead);
            }
        }
        System.out.println("regression samples checked: " + checked + ", failing: " + failures.size());
        failures.forEach(System.out::println);
        assertTrue(checked >= 200, "expected the SigmaHQ regression set (~200 samples), found " + checked);
        assertEquals(List.of(), failures);
    }
}
