package dev.vigil.store;

import dev.vigil.event.NormalizedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static dev.vigil.store.Events.ACME;
import static dev.vigil.store.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly-once with the spool: after any crash, replaying the spool from {@code durableSequence() + 1} leaves every
 * event in the store once. "Spool" here is a list of events indexed by sequence; index A is day 2024-05-01, B 05-02.
 */
class DurabilityTest {

    @TempDir
    Path root;

    private static final List<NormalizedEvent> SPOOL = LongStream.rangeClosed(1, 6)
            .mapToObj(seq -> event(ACME, seq, seq % 2 == 1 ? "2024-05-01T10:00:0" + seq + "Z" : "2024-05-02T10:00:0" + seq + "Z"))
            .toList();

    private EventStore open() {
        return new EventStore(StoreSettings.defaults(root));
    }

    private static void addThrough(EventStore store, long from, long through) {
        SPOOL.stream().filter(e -> e.sequence() >= from && e.sequence() <= through).forEach(store::add);
    }

    /** Restart: replay the whole spool after the durable sequence, as the pipeline does. */
    private static void replay(EventStore store) {
        addThrough(store, store.durableSequence() + 1, SPOOL.size());
        store.commit(SPOOL.size());
    }

    private static Map<String, Long> idCounts(EventStore store) {
        return store.search(ACME, EventQuery.of(""), 0, 100).events().stream()
                .collect(Collectors.groupingBy(StoredEvent::id, Collectors.counting()));
    }

    private static void assertEveryEventExactlyOnce(EventStore store) {
        Map<String, Long> counts = idCounts(store);
        assertEquals(SPOOL.stream().map(NormalizedEvent::id).collect(Collectors.toSet()), counts.keySet());
        assertTrue(counts.values().stream().allMatch(c -> c == 1), () -> "duplicates: " + counts);
    }

    @Test
    void durableSequenceIsZeroForANewStore() throws IOException {
        try (EventStore store = open()) {
            assertEquals(0, store.durableSequence());
        }
    }

    @Test
    void commitWritesADurableCheckpointThatSurvivesReopening() throws IOException {
        try (EventStore store = open()) {
            addThrough(store, 1, 4);
            store.commit(4);
            assertEquals(4, store.durableSequence());
        }
        assertEquals("4", Files.readString(root.resolve(StoreCheckpoint.FILE_NAME)).strip());
        try (EventStore store = open()) {
            assertEquals(4, store.durableSequence());
        }
    }

    @Test
    void crashWithIndexACommittedPastTheCheckpointAndIndexBNotReplaysExactlyOnce() throws IOException {
        EventStore store = open();
        addThrough(store, 1, 2);
        store.commit(2);
        addThrough(store, 3, 3);           // event 3 -> A
        store.commitIndexes(3);            // A durable through 3, checkpoint still 2
        addThrough(store, 4, 6);           // 4 -> B, 5 -> A, 6 -> B, none committed
        store.crash();

        try (EventStore restarted = open()) {
            assertEquals(2, restarted.durableSequence());
            replay(restarted);
            assertEveryEventExactlyOnce(restarted);
        }
    }

    @Test
    void crashBeforeAnyIndexCommittedReplaysExactlyOnce() throws IOException {
        EventStore store = open();
        addThrough(store, 1, 2);
        store.commit(2);
        addThrough(store, 3, 6);
        store.crash();

        try (EventStore restarted = open()) {
            replay(restarted);
            assertEveryEventExactlyOnce(restarted);
        }
    }

    @Test
    void crashAfterEveryIndexCommittedButBeforeTheCheckpointReplaysExactlyOnce() throws IOException {
        EventStore store = open();
        addThrough(store, 1, 6);
        store.commitIndexes(6);
        store.crash();

        try (EventStore restarted = open()) {
            assertEquals(0, restarted.durableSequence());
            replay(restarted);
            assertEveryEventExactlyOnce(restarted);
        }
    }

    @Test
    void replayingEventsAlreadyCommittedInTheirIndexAddsNothing() throws IOException {
        try (EventStore store = open()) {
            addThrough(store, 1, 6);
            store.commit(6);
            addThrough(store, 1, 6);
            store.commit(6);
            assertEveryEventExactlyOnce(store);
        }
    }

    @Test
    void uncommittedEventsAreLostInACrashSoTheSpoolMustReplayThem() throws IOException {
        EventStore store = open();
        addThrough(store, 1, 6);
        store.crash();

        try (EventStore restarted = open()) {
            assertEquals(0, restarted.count(ACME, EventQuery.of("")));
        }
    }

    @Test
    void reopeningAfterCloseKeepsCommittedAndUncommittedEvents() throws IOException {
        try (EventStore store = open()) {
            addThrough(store, 1, 4);
            store.commit(4);
            addThrough(store, 5, 6);
        }
        try (EventStore reopened = open()) {
            assertEquals(4, reopened.durableSequence());
            assertEveryEventExactlyOnce(reopened);
            replay(reopened);
            assertEveryEventExactlyOnce(reopened);
            StoredEvent first = reopened.get(ACME, SPOOL.getFirst().id()).orElseThrow();
            assertEquals(SPOOL.getFirst().raw(), first.raw());
        }
    }

    @Test
    void eventMissingBelowAnIndexsCommittedSequenceIsAddedOnReplay() throws IOException {
        // Parallel workers: event 5 (index A) landed, event 3 (also A) did not before the pipeline stopped.
        try (EventStore store = open()) {
            addThrough(store, 1, 2);
            store.commit(2);
            store.add(SPOOL.get(4));
        }                                  // close commits A through 5 without moving the checkpoint

        try (EventStore restarted = open()) {
            assertEquals(2, restarted.durableSequence());
            replay(restarted);
            assertEveryEventExactlyOnce(restarted);
        }
    }

    @Test
    void crashWithAHoleInACommittedIndexReplaysExactlyOnce() throws IOException {
        EventStore store = open();
        addThrough(store, 1, 2);
        store.commit(2);
        store.add(SPOOL.get(4));           // event 5 -> A, event 3 (A) and 4 (B) still in flight
        store.commitIndexes(5);
        store.crash();

        try (EventStore restarted = open()) {
            replay(restarted);
            assertEveryEventExactlyOnce(restarted);
        }
    }

    @Test
    void indexWrittenBeforeSequencePointsStillSkipsReplayedEvents() throws Exception {
        NormalizedEvent first = SPOOL.getFirst();
        Path day = root.resolve("acme").resolve("2024-05-01");
        Files.createDirectories(day);
        try (var directory = org.apache.lucene.store.FSDirectory.open(day);
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig().setIndexSort(DayIndex.SORT))) {
            var document = new EventDocumentBuilder(256, new FieldsJson()).build(first);
            document.removeFields(StoreFields.SEQUENCE_POINT);
            writer.addDocument(document);
            writer.setLiveCommitData(Map.of(DayIndex.SEQUENCE_KEY, "1").entrySet());
            writer.commit();
        }

        try (EventStore store = open()) {
            store.add(first);
            store.commit(1);
            assertEquals(1, store.count(ACME, EventQuery.of("")));
        }
    }

    @Test
    void unspooledEventsWithSequenceZeroAreAlwaysAdded() throws IOException {
        try (EventStore store = open()) {
            store.add(event(ACME, 0, "2024-05-01T10:00:00Z"));
            store.commit(0);
            store.add(event(ACME, 0, "2024-05-01T10:00:00Z"));
            store.commit(0);
            assertEquals(2, store.count(ACME, EventQuery.of("")));
        }
    }

    @Test
    void commitBelowTheCheckpointIsRejected() throws IOException {
        try (EventStore store = open()) {
            store.commit(5);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.commit(4));
            assertTrue(e.getMessage().contains("already durable through 5"), e.getMessage());
        }
    }

    @Test
    void addedEventIsSearchableWithinOneSecondWithoutCommit() throws Exception {
        try (EventStore store = open()) {
            store.add(event(ACME, 1, "2024-05-01T10:00:00Z", "sudo: session opened", Map.of()));
            long deadline = System.nanoTime() + 1_000_000_000L;
            long seen = 0;
            while (seen == 0 && System.nanoTime() < deadline) {
                seen = store.count(ACME, EventQuery.of("sudo"));
                Thread.sleep(20);
            }
            assertEquals(1, seen);
        }
    }

    @Test
    void closedStoreRefusesWork() throws IOException {
        EventStore store = open();
        store.close();
        assertThrows(IllegalStateException.class, () -> store.add(SPOOL.getFirst()));
        assertThrows(IllegalStateException.class, () -> store.count(ACME, EventQuery.of("")));
    }

    @Test
    void corruptCheckpointIsReportedNotReadAsZero() throws IOException {
        Files.writeString(root.resolve(StoreCheckpoint.FILE_NAME), "garbage");
        var e = assertThrows(java.io.UncheckedIOException.class, this::open);
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void storeTimestampsRoundTripToTheMillisecond() throws IOException {
        try (EventStore store = open()) {
            store.add(SPOOL.getFirst());
            store.commit(1);
            StoredEvent stored = store.get(ACME, SPOOL.getFirst().id()).orElseThrow();
            assertEquals(SPOOL.getFirst().timestamp(), stored.timestamp());
            assertEquals(SPOOL.getFirst().receivedAt(), stored.receivedAt());
        }
    }
}
