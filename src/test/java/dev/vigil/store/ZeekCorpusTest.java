package dev.vigil.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static dev.vigil.store.Events.ACME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Indexes the first {@value #RECORDS} records of a real Zeek DNS log and checks the store's answers against the data
 * itself. (All 53,615 records take ten seconds and more in a cold JVM and test nothing the first 10,000 do not.)
 */
class ZeekCorpusTest {

    private static final int RECORDS = 10_000;

    @TempDir
    Path root;

    @Test
    void realZeekDnsLogIsCountedQueriedAndAggregatedLikeTheDataSays() throws IOException {
        Path dns = Path.of(System.getProperty("vigil.shared.dir", "../shared"), "data/zeek/zeek-json/dns.json.gz");
        assumeTrue(Files.isRegularFile(dns), "needs ../shared/data/zeek/zeek-json/dns.json.gz");
        ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

        long total = 0;
        long port53 = 0;
        Map<String, Long> qtypes = new HashMap<>();
        List<String> sampleRaw = new ArrayList<>();
        try (EventStore store = new EventStore(StoreSettings.defaults(root));
             BufferedReader lines = new BufferedReader(new InputStreamReader(
                     new GZIPInputStream(Files.newInputStream(dns)), StandardCharsets.UTF_8))) {
            String line;
            while (total < RECORDS && (line = lines.readLine()) != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = json.readValue(line, Map.class);
                total++;
                Instant ts = Instant.parse((String) fields.get("ts"));
                store.add(new NormalizedEvent(total, ACME, ts, ts, "zeek-json", new LogSource("zeek", "dns", null),
                        fields, line, null));
                if (Long.valueOf(53).equals(fields.get("id.resp_p"))) {
                    port53++;
                }
                if (fields.get("qtype_name") instanceof String qtype) {
                    qtypes.merge(qtype, 1L, Long::sum);
                }
                if (total <= 3) {
                    sampleRaw.add(line);
                }
            }
            store.commit(total);

            assertEquals(total, store.count(ACME, EventQuery.of("")));
            assertEquals(port53, store.count(ACME, EventQuery.of("id.resp_p:53")));
            assertEquals(qtypes.getOrDefault("A", 0L), store.count(ACME, EventQuery.of("qtype_name:a")));
            List<TermCount> expectedTop = qtypes.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(5).map(e -> new TermCount(e.getKey(), e.getValue())).toList();
            assertEquals(expectedTop, store.topValues(ACME, EventQuery.of(""), "qtype_name", 5));
            assertEquals(sampleRaw.getFirst(), store.get(ACME, "0000000000000001").orElseThrow().raw());
            List<StoredEvent> newest = store.search(ACME, EventQuery.of(""), 0, 50).events();
            assertEquals(newest.stream().sorted(Comparator.comparing(StoredEvent::timestamp).reversed()
                    .thenComparing(StoredEvent::id, Comparator.reverseOrder())).toList(), newest);
        }
    }
}
