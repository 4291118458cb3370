package dev.vigil.detect.sigma;

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
 * The prefilter is an optimisation only: on every SigmaHQ regression event, with every SigmaHQ rule loaded, the rules
 * the engine reports are exactly those found by evaluating every rule of the event's log source.
 */
class PrefilterEquivalenceTest {

    @Test
    void thePrefilterNeverChangesWhichRulesMatch() throws IOException {
        Path regression = SigmaCorpus.need(SigmaCorpus.SIGMA.resolve("regression_data"));
        SigmaEngine engine = SigmaEngine.compile(SigmaCorpus.allRuleSets(), EngineOptions.DEFAULTS);
        Connector windows = ConnectorRegistry.load(Path.of("connectors")).get("windows-json");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(regression)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int events = 0;
        int matches = 0;
        List<String> differences = new ArrayList<>();
        for (Path file : files) {
            for (Framed framed : windows.frameDocument(Files.readString(file))) {
                NormalizedEvent event = windows.normalize(new RawEvent(framed.lineNumber(), TenantId.of("t"), windows.name(),
                        file.toString(), Instant.EPOCH, framed.payload()));
                List<String> fast = engine.evaluate(event).stream().map(RuleMatch::ruleId).toList();
                List<String> reference = engine.matchingWithoutPrefilter(event);
                if (!fast.equals(reference)) {
                    differences.add(file.getFileName() + ": prefiltered " + fast + " but every rule says " + reference);
                }
                events++;
                matches += reference.size();
            }
        }
        assertTrue(events >= 200 && matches >= 200, "too little data to compare: " + events + " events, " + matches + " matches");
        assertEquals(List.of(), differences);
    }
}
