package dev.vigil.ingest.spool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A separate JVM appends as fast as it can and is killed with SIGKILL; every acknowledged record must survive. */
class SpoolKillTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordSurvivesSigkill() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SpoolAppender.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> acked = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acked.add(Long.parseLong(line.trim()));
                if (acked.size() >= 3000) {
                    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
                    break;
                }
            }
        }
        child.waitFor();
        assertTrue(acked.size() >= 3000, "the child acknowledged only " + acked.size());
        try (Spool spool = new Spool(SpoolSettings.defaults(dir)); SpoolCursor cursor = spool.openCursor(1)) {
            long expected = 1;
            List<SpooledRecord> batch;
            while (!(batch = cursor.poll(10_000, Duration.ofMillis(100))).isEmpty()) {
                for (SpooledRecord r : batch) {
                    assertEquals(expected, r.sequence());
                    assertEquals("record-" + r.sequence(), r.record().payload());
                    expected++;
                }
            }
            long lastAcked = acked.getLast();
            assertTrue(expected - 1 >= lastAcked, "acknowledged " + lastAcked + " but only " + (expected - 1) + " survived");
        }
    }

    /** The child process: appends one record at a time, named by its sequence, and prints each acknowledged sequence. */
    public static final class SpoolAppender {
        public static void main(String[] args) throws Exception {
            Spool spool = new Spool(SpoolSettings.defaults(Path.of(args[0])));
            for (long sequence = 1; ; sequence++) {
                AppendResult r = spool.appendBlocking(List.of(SpoolTest.record("record-" + sequence)));
                if (r.firstSequence() != sequence) {
                    throw new IllegalStateException("expected sequence " + sequence + ", got " + r.firstSequence());
                }
                System.out.println(r.firstSequence());
                System.out.flush();
            }
        }
    }
}
