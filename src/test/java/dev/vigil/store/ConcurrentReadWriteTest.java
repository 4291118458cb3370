package dev.vigil.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.vigil.store.Events.ACME;
import static dev.vigil.store.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrentReadWriteTest {

    @TempDir
    Path root;

    @Test
    void readersSeeConsistentResultsWhileOneWriterAddsCommitsAndDropsDays() throws Exception {
        int events = 1500;
        long spacingSeconds = 120;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (EventStore store = new EventStore(StoreSettings.defaults(root))) {
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    long searches = 0;
                    while (writing.get()) {
                        SearchPage page = store.search(ACME, EventQuery.of("n:[0 TO *]"), 0, 20);
                        assertTrue(page.events().size() <= 20);
                        assertTrue(page.totalHits() >= page.events().size());
                        store.topValues(ACME, EventQuery.of(""), "n", 3);
                        searches++;
                    }
                    return searches;
                }));
            }
            Instant start = Instant.parse("2024-05-01T00:00:00Z");
            for (int seq = 1; seq <= events; seq++) {
                store.add(event(ACME, seq, start.plusSeconds(seq * spacingSeconds).toString(), "e", Map.of("n", (long) seq)));
                if (seq % 250 == 0) {
                    store.commit(seq);
                }
            }
            store.applyRetention(1, Instant.parse("2024-05-03T00:00:00Z"));
            writing.set(false);
            for (Future<Long> reader : readers) {
                assertTrue(reader.get() > 0);
            }
            long keptFrom = (Instant.parse("2024-05-02T00:00:00Z").getEpochSecond() - start.getEpochSecond()) / spacingSeconds;
            assertEquals(events - keptFrom + 1, store.count(ACME, EventQuery.of("")));
        } finally {
            pool.shutdownNow();
        }
    }
}
