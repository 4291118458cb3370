package dev.vigil.audit;

import dev.vigil.audit.note.NoteSigner;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appending several records at once, and verifying in parallel batches, mean exactly what one at a time means. */
class AuditBatchesTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void appendAllWritesConsecutiveEntriesThatVerify() throws IOException {
        try (AuditTrail trail = new AuditTrail(dir, clock, "p1")) {
            trail.append(record(0));
            List<AuditEntry> batch = trail.appendAll(List.of(record(1), record(2), record(3)));
            assertEquals(List.of(2L, 3L, 4L), batch.stream().map(AuditEntry::sequence).toList());
            assertEquals(batch.get(0).hash(), batch.get(1).previousHash());
            assertEquals(4, trail.durableSize());
            assertTrue(trail.verify().valid(), trail.verify().toString());
        }
    }

    @Test
    void appendAllOfNothingWritesNothing() throws IOException {
        try (AuditTrail trail = new AuditTrail(dir, clock, "p1")) {
            assertEquals(List.of(), trail.appendAll(List.of()));
            assertEquals(0, trail.size());
        }
    }

    @Test
    void aLargeIntactExportVerifiesAcrossParallelBatches() throws IOException {
        NoteSigner signer = signedTrailOf(20_000); // more than two verification batches

        AuditLogVerifier.LogVerification v = AuditExport.verify(export(signer), signer.verifierKey(), null);

        assertTrue(v.valid(), v.problems().toString());
        assertEquals(20_000, v.entries());
    }

    @Test
    void aModifiedEntryDeepInALaterVerifyBatchIsNamedExactly() throws IOException {
        NoteSigner signer = signedTrailOf(20_000);
        Path trailFile = dir.resolve("audit/trail.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(trailFile, StandardCharsets.UTF_8));
        lines.set(17_499, lines.get(17_499).replace("alert-17499", "alert-17498"));
        Files.write(trailFile, lines, StandardCharsets.UTF_8);

        AuditLogVerifier.LogVerification v = AuditExport.verify(export(signer), signer.verifierKey(), null);

        assertFalse(v.valid());
        assertEquals(17_500, v.firstBadEntry(), v.problems().toString());
        assertEquals("entry 17500: content was modified", v.problems().getFirst());
    }

    private NoteSigner signedTrailOf(int entries) {
        Path data = dir.resolve("audit");
        NoteSigner signer = AuditSigningKey.loadOrCreate(data, "checkpoint", "vigil.test/audit");
        try (AuditTrail trail = new AuditTrail(data, clock, "p1");
             AuditCheckpointer c = new AuditCheckpointer(trail, signer, new CheckpointStore(data), clock, Duration.ofSeconds(5), 100_000)) {
            List<AuditRecord> records = new ArrayList<>();
            IntStream.range(0, entries).forEach(i -> records.add(record(i)));
            trail.appendAll(records);
            c.signNow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return signer;
    }

    private Path export(NoteSigner signer) throws IOException {
        Path data = dir.resolve("audit");
        Path export = dir.resolve("export.zip");
        AuditExport.write(data.resolve("trail.log"), new CheckpointStore(data).all(), signer.verifierKey().encoded(), export);
        return export;
    }

    private static AuditRecord record(int i) {
        return new AuditRecord("alice", "analyst", TenantId.of("customer"), "alert.close", "alert-" + i,
                "{\"status\":\"open\"}", "{\"status\":\"closed\"}");
    }
}
