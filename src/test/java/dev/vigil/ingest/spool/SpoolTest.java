package dev.vigil.ingest.spool;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpoolTest {

    private static final TenantId TENANT = TenantId.of("acme");

    @TempDir
    Path dir;

    static SpoolRecord record(String payload) {
        return new SpoolRecord(TENANT, "generic-json", "test", Instant.parse("2026-11-22T10:00:00Z"), payload);
    }

    static List<SpoolRecord> records(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> record("event-" + i)).toList();
    }

    private List<SpooledRecord> readAll(Spool spool, long from) throws Exception {
        List<SpooledRecord> all = new ArrayList<>();
        try (SpoolCursor cursor = spool.openCursor(from)) {
            List<SpooledRecord> batch;
            while (!(batch = cursor.poll(1000, Duration.ofMillis(50))).isEmpty()) {
                all.addAll(batch);
            }
        }
        return all;
    }

    @Test
    void appendedRecordsComeBackInOrderWithConsecutiveSequences() throws Exception {
        try (Spool spool = new Spool(SpoolSettings.defaults(dir))) {
            AppendResult result = spool.append(records(0, 100)).get();
            assertEquals(1, result.firstSequence());
            assertEquals(100, result.lastSequence());
            List<SpooledRecord> read = readAll(spool, 1);
            assertEquals(100, read.size());
            for (int i = 0; i < 100; i++) {
                assertEquals(i + 1, read.get(i).sequence());
                assertEquals("event-" + i, read.get(i).record().payload());
                assertEquals(TENANT, read.get(i).record().tenant());
            }
        }
    }

    @Test
    void sequencesContinueAfterReopening() throws Exception {
        try (Spool spool = new Spool(SpoolSettings.defaults(dir))) {
            spool.append(records(0, 10)).get();
        }
        try (Spool spool = new Spool(SpoolSettings.defaults(dir))) {
            assertEquals(10, spool.lastSequence());
            assertEquals(11, spool.append(records(10, 1)).get().firstSequence());
            assertEquals(11, readAll(spool, 1).size());
        }
    }

    @Test
    void aCursorStartsAtTheRequestedSequence() throws Exception {
        try (Spool spool = new Spool(SpoolSettings.defaults(dir))) {
            spool.append(records(0, 50)).get();
            List<SpooledRecord> read = readAll(spool, 31);
            assertEquals(20, read.size());
            assertEquals(31, read.getFirst().sequence());
        }
    }

    @Test
    void aTornTailIsCutOffOnOpen() throws Exception {
        try (Spool spool = new Spool(SpoolSettings.defaults(dir))) {
            spool.append(records(0, 5)).get();
        }
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(size - 3); // the last record was half written when the power went
        }
        try (Spool spool = new Spool(SpoolSettings.defaults(dir))) {
            assertEquals(4, spool.lastSequence());
            assertEquals(5, spool.append(records(5, 1)).get().firstSequence());
            List<SpooledRecord> read = readAll(spool, 1);
            assertEquals(List.of("event-0", "event-1", "event-2", "event-3", "event-5"),
                    read.stream().map(r -> r.record().payload()).toList());
        }
    }

    @Test
    void corruptionInsideAnOlderSegmentIsReportedNotSkipped() throws Exception {
        SpoolSettings small = new SpoolSettings(dir, 4096, 1 << 20);
        try (Spool spool = new Spool(small)) {
            for (int i = 0; i < 100; i++) {
                spool.append(records(i, 1)).get();
            }
        }
        Path oldest;
        try (Stream<Path> files = Files.list(dir)) {
            oldest = files.sorted().findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(oldest.toFile(), "rw")) {
            f.seek(200);
            f.write(0x5A ^ f.read());
        }
        try (Spool spool = new Spool(small)) {
            SpoolCorruptedException e = assertThrows(SpoolCorruptedException.class, () -> readAll(spool, 1));
            assertTrue(e.getMessage().contains(oldest.getFileName().toString()), e.getMessage());
        }
    }

    @Test
    void concurrentAppendsShareFsyncs() throws Exception {
        try (Spool spool = new Spool(SpoolSettings.defaults(dir))) {
            List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                futures.add(spool.append(records(i, 1)));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
            assertEquals(2000, spool.counters().appendedRecords());
            assertTrue(spool.counters().forces() < 2000, "forces: " + spool.counters().forces());
        }
    }

    @Test
    void aFullSpoolRefusesTheWholeBatchAndNamesTheReason() throws Exception {
        SpoolSettings tiny = new SpoolSettings(dir, 4096, 8192);
        try (Spool spool = new Spool(tiny)) {
            spool.append(List.of(record("x".repeat(3000)))).get();
            SpoolFullException e = assertThrows(SpoolFullException.class,
                    () -> spool.append(List.of(record("y".repeat(3000)), record("z".repeat(3000)))));
            assertTrue(e.getMessage().contains("spool is full"), e.getMessage());
            assertEquals(2, spool.counters().rejectedRecords());
            assertEquals(1, readAll(spool, 1).size());
        }
    }

    @Test
    void aBlockingAppendWaitsUntilReleaseFreesRoom() throws Exception {
        SpoolSettings tiny = new SpoolSettings(dir, 4096, 8192);
        try (Spool spool = new Spool(tiny)) {
            for (int i = 0; i < 2; i++) {
                spool.append(List.of(record("x".repeat(2500)))).get();
            }
            CompletableFuture<AppendResult> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return spool.appendBlocking(List.of(record("y".repeat(2500))));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertTrue(!blocked.isDone(), "must wait while the spool is full");
            spool.release(spool.lastSequence());
            assertEquals(3, blocked.get().firstSequence());
        }
    }

    @Test
    void releaseDeletesOnlySegmentsWhollyConsumed() throws Exception {
        SpoolSettings small = new SpoolSettings(dir, 4096, 1 << 20);
        try (Spool spool = new Spool(small)) {
            for (int i = 0; i < 200; i++) {
                spool.append(records(i, 1)).get();
            }
            long before = segmentCount();
            assertTrue(before > 3, "segments: " + before);
            spool.release(100);
            List<SpooledRecord> left = readAll(spool, 1);
            assertTrue(left.getFirst().sequence() <= 101, "record 101 must survive, first left is " + left.getFirst().sequence());
            assertEquals(200, left.getLast().sequence());
            assertTrue(segmentCount() < before);
        }
    }

    private long segmentCount() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private Path onlySegment() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findFirst().orElseThrow();
        }
    }
}
