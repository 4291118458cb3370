package dev.vigil.store;

import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.vigil.store.Events.ACME;
import static dev.vigil.store.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What goes into a document comes back out, and no value can break the per-field schema. */
class DocumentSchemaTest {

    @TempDir
    Path root;
    EventStore store;

    @BeforeEach
    void open() {
        store = new EventStore(StoreSettings.defaults(root));
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    private long count(String query) {
        return store.count(ACME, EventQuery.of(query));
    }

    @Test
    void everyPartOfTheEventRoundTrips() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "Héllo \"world\"");
        fields.put("long", Long.MAX_VALUE);
        fields.put("double", 0.1);
        fields.put("flag", true);
        fields.put("list", List.of("a", 2L, 3.5, false));
        NormalizedEvent event = new NormalizedEvent(42, ACME, Instant.parse("2024-05-01T10:00:00.123Z"),
                Instant.parse("2024-05-01T10:00:01.456Z"), "windows-json", new LogSource("windows", "process_creation", null),
                fields, "{\"raw\":true}", null);
        store.add(event);
        store.commit(42);

        StoredEvent stored = store.get(ACME, event.id()).orElseThrow();

        assertEquals(new StoredEvent(event.id(), ACME, event.timestamp(), event.receivedAt(), "windows-json",
                event.logSource(), fields, "{\"raw\":true}", null), stored);
    }

    @Test
    void unparsedEventsAreKeptFlaggedAndFindable() {
        store.add(new NormalizedEvent(1, ACME, Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-01T10:00:00Z"),
                "linux-syslog", LogSource.UNKNOWN, Map.of(), "<13>garbage line", "no syslog header"));
        store.commit(1);

        StoredEvent stored = store.search(ACME, EventQuery.of("@parse_error:true garbage"), 0, 1).events().getFirst();
        assertEquals("no syslog header", stored.parseError());
        assertEquals(LogSource.UNKNOWN, stored.logSource());
        assertEquals(1, count("@parse_error.reason:\"no syslog header\""));
    }

    @Test
    void aFieldThatIsANumberInOneEventAndTextInAnotherIndexesBoth() {
        store.add(event(ACME, 1, "2024-05-01T10:00:00Z", "a", Map.of("port", 443L)));
        store.add(event(ACME, 2, "2024-05-01T10:00:01Z", "b", Map.of("port", "https")));
        store.add(event(ACME, 3, "2024-05-01T10:00:02Z", "c", Map.of("port", List.of(80L, "http"))));
        store.add(event(ACME, 4, "2024-05-01T10:00:03Z", "d", Map.of("port", true)));
        store.commit(4);

        assertEquals(1, count("port:443"));
        assertEquals(1, count("port:HTTPS"));
        assertEquals(2, count("port:[1 TO 1000]"));
        assertEquals(1, count("port:true"));
    }

    @Test
    void valuesTooLongForALuceneTermAreIndexedByTheirPrefix() {
        String huge = "powershell -enc " + "A".repeat(40_000);
        store.add(event(ACME, 1, "2024-05-01T10:00:00Z", "x", Map.of("process.command_line", huge)));
        store.commit(1);

        assertEquals(1, count("process.command_line:powershell*"));
        assertEquals(huge, store.get(ACME, "0000000000000001").orElseThrow().fields().get("process.command_line"));
    }

    @Test
    void aValueTooLongForALuceneTermIsFoundByExactMatchOnTheWholeValue() {
        String huge = "powershell -enc " + "A".repeat(40_000);
        store.add(event(ACME, 1, "2024-05-01T10:00:00Z", "x", Map.of("process.command_line", huge)));
        store.commit(1);

        assertEquals(1, count("process.command_line:\"" + huge.toLowerCase() + "\""));
    }

    @Test
    void valuesLongerThanTheDocValueLimitAreSearchableButNotAggregated() {
        String longValue = "x".repeat(300);
        store.add(event(ACME, 1, "2024-05-01T10:00:00Z", "a", Map.of("f", longValue)));
        store.add(event(ACME, 2, "2024-05-01T10:00:01Z", "b", Map.of("f", "short")));
        store.commit(2);

        assertEquals(1, count("f:\"" + longValue + "\""));
        assertEquals(List.of(new TermCount("short", 1)), store.topValues(ACME, EventQuery.of(""), "f", 10));
    }

    @Test
    void fieldsNamedLikeStoreFieldsAreKeptButCannotSpoofThem() {
        store.add(event(ACME, 1, "2024-05-01T10:00:00Z", "a",
                Map.of("@timestamp", "1999-01-01T00:00:00Z", "@tenant", "globex", "odd#name", "v")));
        store.commit(1);

        StoredEvent stored = store.get(ACME, "0000000000000001").orElseThrow();
        assertEquals("globex", stored.fields().get("@tenant"));
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), stored.timestamp());
        assertEquals(1, count("@timestamp:2024-05-01"));
        assertEquals(0, count("@tenant:globex"));
    }

    @Test
    void topValuesKeepTheOriginalCase() {
        store.add(event(ACME, 1, "2024-05-01T10:00:00Z", "a", Map.of("host.name", "DC01")));
        store.commit(1);

        assertEquals(List.of(new TermCount("DC01", 1)), store.topValues(ACME, EventQuery.of("host.name:dc01"), "host.name", 3));
    }

    @Test
    void eventWithoutParseErrorHasNullReason() {
        store.add(event(ACME, 1, "2024-05-01T10:00:00Z"));
        store.commit(1);

        assertNull(store.get(ACME, "0000000000000001").orElseThrow().parseError());
    }
}
