package dev.vigil.ingest.file;

import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolCursor;
import dev.vigil.ingest.spool.SpoolSettings;
import dev.vigil.ingest.spool.SpooledRecord;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileTailerTest {

    @TempDir
    Path dir;

    private Spool spool;
    private SpoolCursor cursor;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void openSpool() {
        spool = new Spool(SpoolSettings.defaults(dir.resolve("spool")));
        cursor = spool.openCursor(1);
    }

    @AfterEach
    void closeSpool() throws Exception {
        cursor.close();
        spool.close();
    }

    private FileTailer tailer(Path file) {
        return new FileTailer(file, TenantId.of("acme"), "linux-auth", () -> line -> line.isBlank() ? null : line,
                spool, new TailOffsets(dir.resolve("offsets")), Clock.systemUTC(), Duration.ofMillis(20));
    }

    private List<String> awaitLines(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            for (SpooledRecord r : cursor.poll(100, Duration.ofMillis(50))) {
                seen.add(r.record().payload());
            }
        }
        Thread.sleep(100); // anything more would be a duplicate: give it a chance to show
        for (SpooledRecord r : cursor.poll(100, Duration.ofMillis(50))) {
            seen.add(r.record().payload());
        }
        return seen;
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void appendedCompleteLinesAreSpooledAndAPartialLineWaits() throws Exception {
        Path log = dir.resolve("auth.log");
        append(log, "one\ntwo\nthr");
        try (FileTailer t = tailer(log)) {
            t.start(null);
            assertEquals(List.of("one", "two"), awaitLines(2));
            append(log, "ee\n");
            assertEquals(List.of("one", "two", "three"), awaitLines(3));
        }
    }

    @Test
    void rotationByRenameReadsTheOldFileToItsEndThenTheNewOne() throws Exception {
        Path log = dir.resolve("auth.log");
        append(log, "a1\n");
        try (FileTailer t = tailer(log)) {
            t.start(null);
            awaitLines(1);
            Path rotated = dir.resolve("auth.log.1");
            Files.move(log, rotated);
            append(rotated, "a2\n"); // the writer still had the old file open
            append(log, "b1\n");
            assertEquals(List.of("a1", "a2", "b1"), awaitLines(3));
        }
    }

    @Test
    void copytruncateRestartsAtTheBeginning() throws Exception {
        Path log = dir.resolve("auth.log");
        append(log, "first line that is long\n");
        try (FileTailer t = tailer(log)) {
            t.start(null);
            awaitLines(1);
            Files.writeString(log, "", StandardOpenOption.TRUNCATE_EXISTING);
            append(log, "after\n");
            assertEquals(List.of("first line that is long", "after"), awaitLines(2));
        }
    }

    @Test
    void aRestartContinuesWithoutGapOrDuplicate() throws Exception {
        Path log = dir.resolve("auth.log");
        append(log, "1\n2\n");
        try (FileTailer t = tailer(log)) {
            t.start(null);
            awaitLines(2);
        }
        append(log, "3\n");
        try (FileTailer t = tailer(log)) {
            t.start(null);
            assertEquals(List.of("1", "2", "3"), awaitLines(3));
        }
    }

    @Test
    void aPositionFoundInTheSpoolWinsOverAnOlderSavedOne() throws Exception {
        Path log = dir.resolve("auth.log");
        append(log, "1\n2\n");
        long inode = ((Number) Files.getAttribute(log, "unix:ino")).longValue();
        new TailOffsets(dir.resolve("offsets")).save(log, new TailPosition(inode, 0));
        try (FileTailer t = tailer(log)) {
            // the crash came after "1\n" was spooled but before its position was saved
            t.start(new TailPosition(inode, 2));
            assertEquals(List.of("2"), awaitLines(1));
        }
    }
}
