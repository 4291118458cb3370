package dev.vigil.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;
import dev.vigil.tenancy.TenantId;
import dev.vigil.testdata.ArchiveRecords;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real data, read in place from {@code ${vigil.shared.dir}/data} (default {@code ../shared}); each test is skipped,
 * saying what it needs, where that folder is absent. Failures are collected and reported together (first 20).
 */
class ConnectorCorpusTest {

    private static final Path DATA = Path.of(System.getProperty("vigil.shared.dir", "../shared")).resolve("data");
    private static final ConnectorRegistry REGISTRY = ConnectorRegistry.load(Path.of("connectors"));
    private static final TenantId TENANT = TenantId.of("corpus");
    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    private static Path need(String relative) {
        Path path = DATA.resolve(relative);
        assumeTrue(Files.isDirectory(path), "needs " + path + " (set -Dvigil.shared.dir)");
        return path;
    }

    private static NormalizedEvent normalize(Connector connector, String payload, String source) {
        return connector.normalize(new RawEvent(0, TENANT, connector.name(), source, RECEIVED, payload));
    }

    private static void assertNoFailures(List<String> failures, int checked) {
        assertTrue(checked > 0, "no records found");
        assertEquals(List.of(), failures.stream().limit(Integer.getInteger("vigil.corpus.max-failures", 20)).toList(), failures.size() + " of " + checked + " records failed");
    }

    @Test
    void sigmaRegressionSamplesNormaliseWithEventId() throws IOException {
        Path root = need("sigma/regression_data");
        Connector windows = REGISTRY.get("windows-json");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (Framed record : windows.frameDocument(Files.readString(file, StandardCharsets.UTF_8))) {
                    checked++;
                    NormalizedEvent event = normalize(windows, record.payload(), file.toString());
                    if (event.hasParseError() || !(event.field("EventID") instanceof Long)) {
                        failures.add(root.relativize(file) + ":" + record.lineNumber() + ": "
                                + (event.hasParseError() ? event.parseError() : "no numeric EventID"));
                    }
                }
            }
        }
        assertNoFailures(failures, checked);
    }

    /**
     * Each regression sample sits in a folder named by the id of the Sigma rule it must trigger; the event's log
     * source must be one that rule routes to (same product, and the rule's category and service when it names them).
     */
    @Test
    void sigmaRegressionSamplesGetTheLogSourceOfTheirRule() throws IOException {
        Path root = need("sigma/regression_data");
        Map<String, LogSource> ruleLogSources = ruleLogSources();
        Connector windows = REGISTRY.get("windows-json");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String ruleId = file.getFileName().toString().replace(".json", "");
                LogSource wanted = ruleLogSources.get(ruleId);
                if (wanted == null) {
                    continue;
                }
                for (Framed record : windows.frameDocument(Files.readString(file, StandardCharsets.UTF_8))) {
                    checked++;
                    LogSource actual = normalize(windows, record.payload(), file.toString()).logSource();
                    if (!routes(wanted, actual)) {
                        failures.add(root.relativize(file) + ": rule wants " + wanted + ", event has " + actual);
                    }
                }
            }
        }
        assertNoFailures(failures, checked);
    }

    /** Sigma's registry_event is the union of the four specific registry categories an event carries. */
    private static final Set<String> REGISTRY_EVENT =
            Set.of("registry_add", "registry_delete", "registry_set", "registry_rename");

    private static boolean routes(LogSource rule, LogSource event) {
        boolean category = rule.category() == null || rule.category().equals(event.category())
                || rule.category().equals("registry_event") && REGISTRY_EVENT.contains(event.category());
        return (rule.product() == null || rule.product().equals(event.product()))
                && category
                && (rule.service() == null || rule.service().equals(event.service()));
    }

    private static Map<String, LogSource> ruleLogSources() throws IOException {
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory());
        Map<String, LogSource> result = new HashMap<>();
        for (String folder : List.of("sigma/rules", "sigma/rules-emerging-threats", "sigma/rules-threat-hunting")) {
            try (Stream<Path> files = Files.walk(need(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                    JsonNode rule = yaml.readTree(file.toFile());
                    JsonNode logsource = rule.path("logsource");
                    if (rule.hasNonNull("id") && logsource.isObject()) {
                        result.put(rule.get("id").asText(), new LogSource(
                                logsource.path("product").textValue(), logsource.path("category").textValue(),
                                logsource.path("service").textValue()));
                    }
                }
            }
        }
        return result;
    }

    @Test
    void mordorArchivesNormaliseWithoutParseErrors() throws IOException {
        Path root = need("mordor");
        Connector windows = REGISTRY.get("windows-json");
        List<String> failures = new ArrayList<>();
        int[] checked = {0};
        try (Stream<Path> files = Files.walk(root)) {
            for (Path archive : files.filter(Files::isRegularFile).filter(ArchiveRecords::isArchive).sorted().toList()) {
                ArchiveRecords.forEachRecord(archive, windows, (source, lineNumber, payload) -> {
                    checked[0]++;
                    NormalizedEvent event = normalize(windows, payload, source);
                    if (event.hasParseError()) {
                        failures.add(source + ":" + lineNumber + ": " + event.parseError());
                    }
                });
            }
        }
        assertNoFailures(failures, checked[0]);
    }

    @Test
    void zeekTsvAndJsonNormaliseToIdenticalFields() throws IOException {
        Path tsvDir = need("zeek/zeek-default");
        Path jsonDir = need("zeek/zeek-json");
        Connector tsv = REGISTRY.get("zeek-tsv");
        Connector json = REGISTRY.get("zeek-json");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(tsvDir)) {
            for (Path tsvFile : files.filter(f -> f.toString().endsWith(".log.gz")).sorted().toList()) {
                String log = tsvFile.getFileName().toString().replace(".log.gz", "");
                Path jsonFile = jsonDir.resolve(log + ".json.gz");
                try (BufferedReader tsvLines = gunzip(tsvFile); BufferedReader jsonLines = gunzip(jsonFile)) {
                    LineFramer tsvFramer = tsv.newLineFramer();
                    LineFramer jsonFramer = json.newLineFramer();
                    int tsvCount = 0;
                    int jsonCount = 0;
                    List<String> pendingJson = new ArrayList<>();
                    for (String line; (line = tsvLines.readLine()) != null; ) {
                        for (String tsvPayload : tsvFramer.acceptAll(line)) {
                            tsvCount++;
                            while (pendingJson.isEmpty()) {
                                String jsonLine = jsonLines.readLine();
                                if (jsonLine == null) {
                                    break;
                                }
                                pendingJson.addAll(jsonFramer.acceptAll(jsonLine));
                            }
                            if (pendingJson.isEmpty()) {
                                continue;
                            }
                            jsonCount++;
                            NormalizedEvent fromTsv = normalize(tsv, tsvPayload, log);
                            NormalizedEvent fromJson = normalize(json, pendingJson.removeFirst(), log);
                            checked++;
                            if (fromTsv.hasParseError() || fromJson.hasParseError()
                                    || !fromTsv.fields().equals(fromJson.fields())
                                    || !fromTsv.timestamp().equals(fromJson.timestamp())
                                    || !fromTsv.logSource().equals(fromJson.logSource())) {
                                failures.add(log + " record " + tsvCount + ": " + difference(fromTsv, fromJson));
                            }
                        }
                    }
                    for (String jsonLine; (jsonLine = jsonLines.readLine()) != null; ) {
                        pendingJson.addAll(jsonFramer.acceptAll(jsonLine));
                    }
                    jsonCount += pendingJson.size();
                    if (tsvCount != jsonCount) {
                        failures.add(log + ": " + tsvCount + " TSV records but " + jsonCount + " JSON records");
                    }
                }
            }
        }
        assertNoFailures(failures, checked);
    }

    @Test
    void zeekDnsHasTheKnownRecordCount() throws IOException {
        Path tsvDir = need("zeek/zeek-default");
        LineFramer framer = REGISTRY.get("zeek-tsv").newLineFramer();
        int count = 0;
        try (BufferedReader lines = gunzip(tsvDir.resolve("dns.log.gz"))) {
            for (String line; (line = lines.readLine()) != null; ) {
                count += framer.acceptAll(line).size();
            }
        }
        assertEquals(53_615, count);
    }

    private static BufferedReader gunzip(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8));
    }

    private static String difference(NormalizedEvent tsv, NormalizedEvent json) {
        if (tsv.hasParseError() || json.hasParseError()) {
            return "parse error: tsv=" + tsv.parseError() + " json=" + json.parseError();
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Object> field : tsv.fields().entrySet()) {
            Object other = json.fields().get(field.getKey());
            if (!field.getValue().equals(other)) {
                differences.add(field.getKey() + ": tsv=" + describe(field.getValue()) + " json=" + describe(other));
            }
        }
        json.fields().keySet().stream().filter(k -> !tsv.fields().containsKey(k))
                .forEach(k -> differences.add(k + ": only in json=" + describe(json.fields().get(k))));
        if (!tsv.logSource().equals(json.logSource())) {
            differences.add("logsource tsv=" + tsv.logSource() + " json=" + json.logSource());
        }
        return String.join("; ", differences);
    }

    private static String describe(Object value) {
        return value == null ? "absent" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
