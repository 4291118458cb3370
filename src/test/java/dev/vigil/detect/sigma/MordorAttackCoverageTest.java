package dev.vigil.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.detect.RuleMatch;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;
import dev.vigil.tenancy.TenantId;
import dev.vigil.testdata.ArchiveRecords;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real attacks, real rules: every OTRF Security-Datasets (Mordor) archive under {@code ${vigil.shared.dir}/data/mordor},
 * normalised by the windows-json connector and run through the engine holding every SigmaHQ rule set and the
 * appliance's factory rules (what a customer runs), raises at least
 * one rule tagged with an ATT&CK technique its {@code _metadata} file maps the dataset to. A rule tag counts when it
 * names that technique, that sub-technique, the technique of that sub-technique, or a sub-technique of that technique
 * ({@code attack.t1003} and {@code attack.t1003.001} both count for T1003.001, and both count for T1003); a sibling
 * sub-technique ({@code attack.t1003.002} for T1003.001) does not.
 *
 * <p>An archive is matched to its metadata by the file name of one of the metadata's {@code files[].link}; an archive
 * without metadata fails the test. Per dataset it prints the records read, the ten rules that fired most, and the
 * technique-tagged rules that fired; for a dataset that fails, the log sources its events have and the SigmaHQ rules
 * tagged with its technique that apply to them, which is where an investigation starts. A dataset no rule could catch
 * would be listed, with the evidence, in {@link #KNOWN_GAPS}; none is: the factory rules cover the two SigmaHQ misses
 * (WDigest UseLogonCredential written as the string "1", and Python's http.server on Windows).
 */
class MordorAttackCoverageTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Datasets on which no SigmaHQ rule tagged with their technique can fire, with the evidence. Each stays checked:
     * should such a rule start firing (a new SigmaHQ rule, a normalisation change), the test fails until the entry is
     * removed, so the list cannot go stale. Adding an entry needs the lead's agreement.
     */
    private static final Map<String, String> KNOWN_GAPS = Map.of();

    /** A dataset's metadata: its id, title and the techniques (T1003, T1003.001) it is mapped to. */
    private record Metadata(String id, String title, Set<String> techniques) {
    }

    @Test
    void everyDatasetRaisesARuleTaggedWithItsAttackTechnique() throws IOException {
        Path root = SigmaCorpus.need(SigmaCorpus.DATA.resolve("mordor"));
        Map<String, Metadata> metadataByArchive = metadataByArchiveName(root.resolve("_metadata"));
        List<RuleSource> sources = new java.util.ArrayList<>(SigmaCorpus.allRuleSets());
        sources.addAll(SigmaCorpus.factoryRules());
        SigmaEngine engine = SigmaEngine.compile(sources, EngineOptions.DEFAULTS);
        Connector windows = ConnectorRegistry.load(Path.of("connectors")).get("windows-json");
        List<Path> archives;
        try (Stream<Path> files = Files.walk(root)) {
            archives = files.filter(Files::isRegularFile).filter(ArchiveRecords::isArchive).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        Set<String> archiveNames = new TreeSet<>();
        Set<String> checkedIds = new TreeSet<>();
        for (Path archive : archives) {
            String name = archive.getFileName().toString();
            archiveNames.add(name);
            Metadata metadata = metadataByArchive.get(name);
            if (metadata == null) {
                failures.add(root.relativize(archive) + ": no _metadata file links to it");
                continue;
            }
            checkedIds.add(metadata.id());
            Map<String, Integer> fired = new TreeMap<>();
            Map<String, Integer> firedForTechnique = new TreeMap<>();
            Map<LogSource, Integer> logSources = new TreeMap<>(Comparator.comparing(LogSource::toString));
            int[] records = {0};
            ArchiveRecords.forEachRecord(archive, windows, (source, lineNumber, payload) -> {
                records[0]++;
                NormalizedEvent event = windows.normalize(new RawEvent(records[0], TenantId.of("mordor"), windows.name(),
                        source, RECEIVED, payload));
                logSources.merge(event.logSource(), 1, Integer::sum);
                for (RuleMatch match : engine.evaluate(event)) {
                    String rule = match.title() + " [" + match.ruleId() + "]";
                    fired.merge(rule, 1, Integer::sum);
                    if (taggedWithAny(match.tags(), metadata.techniques())) {
                        firedForTechnique.merge(rule, 1, Integer::sum);
                    }
                }
            });
            System.out.println("== " + metadata.id() + " " + metadata.title() + " (" + root.relativize(archive) + "), "
                    + "techniques " + metadata.techniques() + ": " + records[0] + " records, " + fired.size() + " rules fired");
            fired.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                    .forEach(e -> System.out.println("   " + e.getValue() + " x " + e.getKey()));
            System.out.println("   technique-tagged rules fired: " + (firedForTechnique.isEmpty() ? "none" : firedForTechnique));
            String gap = KNOWN_GAPS.get(metadata.id());
            if (firedForTechnique.isEmpty() && gap != null) {
                System.out.println("   KNOWN GAP, not a failure: " + gap + "; " + rulesTagged(engine, metadata.techniques(),
                        logSources.keySet()).size() + " rules tagged with the technique apply to its log sources, none fired");
            } else if (firedForTechnique.isEmpty()) {
                failures.add(metadata.id() + " " + metadata.title() + " (" + name + "): no rule tagged "
                        + metadata.techniques() + " fired on " + records[0] + " records; event log sources " + logSources
                        + "; the technique's rules for those log sources: "
                        + rulesTagged(engine, metadata.techniques(), logSources.keySet()));
            } else if (gap != null) {
                failures.add(metadata.id() + " is listed in KNOWN_GAPS but rules tagged " + metadata.techniques()
                        + " now fire on it: remove it from the list");
            }
        }
        KNOWN_GAPS.keySet().stream().filter(id -> !checkedIds.contains(id))
                .forEach(id -> failures.add(id + " is listed in KNOWN_GAPS but its archive was not checked"));
        metadataByArchive.forEach((archive, metadata) -> {
            if (!archiveNames.contains(archive)) {
                System.out.println("metadata " + metadata.id() + " links " + archive + ", which is not in this subset; not checked");
            }
        });
        System.out.println("datasets checked: " + archives.size() + ", failing: " + failures.size());
        failures.forEach(System.out::println);
        assertTrue(archives.size() >= 10, "expected the 10 Mordor archives, found " + archives.size());
        assertEquals(List.of(), failures);
    }

    /** Archive file name (the last segment of each {@code files[].link}) to the metadata that links it. */
    private static Map<String, Metadata> metadataByArchiveName(Path folder) throws IOException {
        Map<String, Metadata> result = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode yaml = YAML.readTree(file.toFile());
                Set<String> techniques = new TreeSet<>();
                for (JsonNode mapping : yaml.path("attack_mappings")) {
                    String technique = mapping.path("technique").asText().toLowerCase(Locale.ROOT);
                    String sub = mapping.path("sub-technique").asText("");
                    techniques.add(sub.isBlank() || sub.equals("null") ? technique : technique + "." + sub);
                }
                Metadata metadata = new Metadata(yaml.path("id").asText(), yaml.path("title").asText(), techniques);
                for (JsonNode link : yaml.path("files")) {
                    String url = link.path("link").asText();
                    result.put(url.substring(url.lastIndexOf('/') + 1), metadata);
                }
            }
        }
        return result;
    }

    private static boolean taggedWithAny(List<String> tags, Set<String> techniques) {
        for (String tag : tags) {
            String lowered = tag.toLowerCase(Locale.ROOT);
            if (lowered.startsWith("attack.t")) {
                String tagged = lowered.substring("attack.".length());
                for (String technique : techniques) {
                    if (tagged.equals(technique) || tagged.startsWith(technique + ".") || technique.startsWith(tagged + ".")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Each enabled rule tagged with one of the techniques that applies to one of the log sources, as
     * "title (log source)": the rules that had their chance on the dataset.
     */
    private static List<String> rulesTagged(SigmaEngine engine, Set<String> techniques, Set<LogSource> logSources) {
        Set<String> enabled = new TreeSet<>();
        engine.statuses().stream().filter(RuleStatus::enabled).forEach(s -> enabled.add(s.id()));
        return engine.parsedRules().stream()
                .filter(r -> enabled.contains(r.id()) && taggedWithAny(r.tags(), techniques))
                .filter(r -> logSources.stream().anyMatch(r.logSource()::covers))
                .map(r -> r.title() + " (" + r.logSource() + ")").sorted().toList();
    }
}
