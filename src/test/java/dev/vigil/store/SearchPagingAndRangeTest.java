package dev.vigil.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.vigil.store.Events.ACME;
import static dev.vigil.store.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchPagingAndRangeTest {

    private static final Instant T0 = Instant.parse("2024-05-01T22:00:00Z");

    @TempDir
    Path root;

    private EventStore open() {
        return new EventStore(StoreSettings.defaults(root));
    }

    /** Adds events with sequence 1..n at T0 + (seq minutes), in a scrambled order, across day boundaries. */
    private static void addMinutes(EventStore store, int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(7));
        for (int seq : order) {
            Instant at = T0.plus(Duration.ofMinutes(seq * 60L));
            store.add(event(ACME, seq, at.toString(), "event " + seq, Map.of("n", (long) seq)));
        }
        store.commit(n);
    }

    private static List<Long> sequences(SearchPage page) {
        return page.events().stream().map(e -> Long.parseLong(e.id(), 16)).toList();
    }

    @Test
    void resultsAreNewestFirstAcrossDays() throws IOException {
        try (EventStore store = open()) {
            addMinutes(store, 30);
            List<Long> all = sequences(store.search(ACME, EventQuery.of(""), 0, 100));
            assertEquals(Stream.iterate(30L, s -> s >= 1, s -> s - 1).toList(), all);
        }
    }

    @Test
    void eventsWithTheSameTimestampAreOrderedBySequenceNewestFirst() throws IOException {
        try (EventStore store = open()) {
            for (long seq = 1; seq <= 5; seq++) {
                store.add(event(ACME, seq, "2024-05-01T10:00:00Z"));
            }
            store.commit(5);
            assertEquals(List.of(5L, 4L, 3L, 2L, 1L), sequences(store.search(ACME, EventQuery.of(""), 0, 10)));
        }
    }

    @Test
    void pagesConcatenateToTheFullResultAndCarryTheTotal() throws IOException {
        try (EventStore store = open()) {
            addMinutes(store, 30);
            List<Long> paged = new ArrayList<>();
            for (int offset = 0; offset < 30; offset += 7) {
                SearchPage page = store.search(ACME, EventQuery.of(""), offset, 7);
                assertEquals(30, page.totalHits());
                paged.addAll(sequences(page));
            }
            assertEquals(sequences(store.search(ACME, EventQuery.of(""), 0, 30)), paged);
        }
    }

    @Test
    void pageBeyondTheEndIsEmptyButCountsTheTotal() throws IOException {
        try (EventStore store = open()) {
            addMinutes(store, 5);
            SearchPage page = store.search(ACME, EventQuery.of(""), 10, 10);
            assertEquals(5, page.totalHits());
            assertEquals(List.of(), page.events());
        }
    }

    @Test
    void deepPageAtOffsetTenThousandIsExact() throws IOException {
        try (EventStore store = open()) {
            int n = 10_050;
            for (int seq = 1; seq <= n; seq++) {
                store.add(event(ACME, seq, T0.plusSeconds(seq * 10L).toString(), "e", Map.of()));
            }
            store.commit(n);
            SearchPage page = store.search(ACME, EventQuery.of(""), 10_000, 5);
            assertEquals(n, page.totalHits());
            assertEquals(List.of(50L, 49L, 48L, 47L, 46L), sequences(page));
        }
    }

    @Test
    void pagingBeyondTheResultWindowIsRefusedWithAReason() throws IOException {
        try (EventStore store = open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.search(ACME, EventQuery.of(""), 100_000, 10));
            assertTrue(e.getMessage().contains("cannot page beyond 100000"), e.getMessage());
        }
    }

    @Test
    void timeRangeIsInclusiveSinceAndExclusiveUntil() throws IOException {
        try (EventStore store = open()) {
            addMinutes(store, 10);
            EventQuery range = EventQuery.between(T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(6)));
            assertEquals(List.of(5L, 4L, 3L), sequences(store.search(ACME, range, 0, 10)));
        }
    }

    @Test
    void timeRangeOpensOnlyTheDayIndexesItOverlaps() throws IOException {
        try (EventStore store = open()) {
            store.add(event(ACME, 1, "2024-05-01T10:00:00Z"));
            store.add(event(ACME, 2, "2024-05-02T10:00:00Z"));
            store.add(event(ACME, 3, "2024-05-03T10:00:00Z"));
            store.commit(3);
        }
        // Corrupt day one: any attempt to open it fails, so a search that succeeds never opened it.
        Path dayOne = root.resolve("acme").resolve("2024-05-01");
        try (Stream<Path> files = Files.list(dayOne)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.writeString(file, "not a lucene commit");
            }
        }
        try (EventStore store = open()) {
            EventQuery dayTwoOnwards = new EventQuery("", Instant.parse("2024-05-02T00:00:00Z"), null);
            assertEquals(List.of(3L, 2L), sequences(store.search(ACME, dayTwoOnwards, 0, 10)));
            assertThrows(RuntimeException.class, () -> store.count(ACME, EventQuery.of("")));
        }
    }

    @Test
    void histogramCoversTheWholeBoundedRangeWithEmptyBuckets() throws IOException {
        try (EventStore store = open()) {
            store.add(event(ACME, 1, "2024-05-01T10:15:00Z"));
            store.add(event(ACME, 2, "2024-05-01T10:45:00Z"));
            store.add(event(ACME, 3, "2024-05-01T12:10:00Z"));
            store.commit(3);
            Histogram histogram = store.histogram(ACME, EventQuery.between(
                    Instant.parse("2024-05-01T09:00:00Z"), Instant.parse("2024-05-01T13:00:00Z")), Duration.ofHours(1));
            assertEquals(List.of(0L, 2L, 0L, 1L), histogram.buckets().stream().map(Histogram.Bucket::count).toList());
            assertEquals(Instant.parse("2024-05-01T09:00:00Z"), histogram.buckets().getFirst().start());
        }
    }

    @Test
    void histogramWithoutRangeSpansFirstToLastMatchingEvent() throws IOException {
        try (EventStore store = open()) {
            store.add(event(ACME, 1, "2024-05-01T10:15:00Z"));
            store.add(event(ACME, 2, "2024-05-02T12:10:00Z"));
            store.commit(2);
            Histogram histogram = store.histogram(ACME, EventQuery.of(""), Duration.ofDays(1));
            assertEquals(List.of(
                    new Histogram.Bucket(Instant.parse("2024-05-01T00:00:00Z"), 1),
                    new Histogram.Bucket(Instant.parse("2024-05-02T00:00:00Z"), 1)), histogram.buckets());
        }
    }

    @Test
    void histogramNeedingTooManyBucketsIsRefused() throws IOException {
        try (EventStore store = open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.histogram(ACME,
                    EventQuery.between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-12-31T00:00:00Z")),
                    Duration.ofMinutes(1)));
            assertTrue(e.getMessage().contains("buckets"), e.getMessage());
        }
    }

    @Test
    void topValuesAreMostFrequentFirstAndRespectTheQuery() throws IOException {
        try (EventStore store = open()) {
            String[] users = {"root", "root", "root", "admin", "admin", "guest"};
            for (int i = 0; i < users.length; i++) {
                store.add(event(ACME, i + 1, "2024-05-01T10:00:0" + i + "Z", "login " + users[i],
                        Map.of("user.name", users[i], "ok", i % 2 == 0)));
            }
            store.commit(users.length);
            assertEquals(List.of(new TermCount("root", 3), new TermCount("admin", 2)),
                    store.topValues(ACME, EventQuery.of(""), "user.name", 2));
            assertEquals(List.of(new TermCount("root", 2), new TermCount("admin", 1)),
                    store.topValues(ACME, EventQuery.of("ok:true"), "user.name", 5));
        }
    }
}
