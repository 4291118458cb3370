package dev.vigil.audit;

import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.note.SignedNote;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditCheckpointerTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

    private AuditCheckpointer checkpointer(AuditTrail trail, long every) {
        return new AuditCheckpointer(trail, AuditSigningKey.loadOrCreate(dir, "checkpoint", "vigil.test/audit"),
                new CheckpointStore(dir), clock, Duration.ofSeconds(5), every);
    }

    static void append(AuditTrail trail, int n) {
        for (int i = 0; i < n; i++) {
            trail.append(new AuditRecord("alice", "admin", TenantId.of("customer"), "rule.update", "rule-" + i,
                    "v" + i, "v" + (i + 1)));
        }
    }

    @Test
    void theKeyIsGeneratedOwnerOnlyAndItsIdIsTheSignedNoteKeyId() throws Exception {
        try (AuditTrail trail = new AuditTrail(dir, clock, "p1"); AuditCheckpointer c = checkpointer(trail, 5)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("checkpoint.key"))));
            String vkey = Files.readString(dir.resolve("checkpoint.vkey")).strip();
            assertEquals(c.verifierKey().encoded(), vkey);
            String[] parts = vkey.split("\\+", 3);
            assertEquals("vigil.test/audit", parts[0]);
            byte[] material = Base64.getDecoder().decode(parts[2]);
            assertEquals(33, material.length);
            assertEquals(1, material[0]);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("vigil.test/audit\n".getBytes(StandardCharsets.US_ASCII));
            sha.update(material);
            assertEquals(String.format("%08x", ByteBuffer.wrap(sha.digest()).getInt()), parts[1]);
        }
    }

    @Test
    void aKeyReadableByOthersIsRefused() throws Exception {
        AuditSigningKey.loadOrCreate(dir, "checkpoint", "vigil.test/audit");
        Files.setPosixFilePermissions(dir.resolve("checkpoint.key"), PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AuditSigningKey.loadOrCreate(dir, "checkpoint", "vigil.test/audit"));
        assertTrue(e.getMessage().contains("readable by others"), e.getMessage());
    }

    @Test
    void signsAfterNEntriesOrAfterTheIntervalWithTheTreeRoot() throws Exception {
        try (AuditTrail trail = new AuditTrail(dir, clock, "p1"); AuditCheckpointer c = checkpointer(trail, 5)) {
            append(trail, 4);
            assertTrue(c.signIfDue().isEmpty(), "4 entries and no time passed: not due");
            append(trail, 1);
            SignedNote note = c.signIfDue().orElseThrow();
            note.verify(c.verifierKey());
            Checkpoint cp = Checkpoint.parse(note.text());
            assertEquals("vigil.test/audit", cp.origin());
            assertEquals(5, cp.size());
            assertArrayEquals(trail.root(5), cp.rootHash());
            assertEquals(List.of("time 2026-11-23T10:00:00Z"), cp.extensions());
            assertTrue(note.encoded().contains("\n\n\u2014 vigil.test/audit "), note.encoded());
            append(trail, 1);
            assertTrue(c.signIfDue().isEmpty());
            clock.advance(Duration.ofSeconds(5));
            assertEquals(6, Checkpoint.parse(c.signIfDue().orElseThrow().text()).size());
            assertEquals(2, new CheckpointStore(dir).all().size());
        }
    }

    @Test
    void aTruncatedTrailIsNeverSignedAgain() throws Exception {
        try (AuditTrail trail = new AuditTrail(dir, clock, "p1"); AuditCheckpointer c = checkpointer(trail, 100)) {
            append(trail, 3);
            c.signNow();
        }
        List<String> lines = Files.readAllLines(dir.resolve("trail.log"));
        Files.write(dir.resolve("trail.log"), lines.subList(0, 2));
        try (AuditTrail trail = new AuditTrail(dir, clock, "p1"); AuditCheckpointer c = checkpointer(trail, 100)) {
            assertEquals("the trail holds 2 entries but a checkpoint of size 3 was signed: entries 3..3 were removed",
                    c.halted().orElseThrow());
            append(trail, 5);
            assertThrows(CheckpointGuard.CheckpointRefusedException.class, c::signNow);
            assertEquals(3, Checkpoint.parse(c.latest().orElseThrow().text()).size());
        }
    }

    @Test
    void aRewrittenTrailIsNeverSignedAgain() throws Exception {
        try (AuditTrail trail = new AuditTrail(dir, clock, "p1"); AuditCheckpointer c = checkpointer(trail, 100)) {
            append(trail, 3);
            c.signNow();
        }
        Path other = dir.resolve("other");
        try (AuditTrail forged = new AuditTrail(other, clock, "p1")) {
            forged.append(new AuditRecord("mallory", "admin", TenantId.of("customer"), "rule.delete", "r", "x", null));
            append(forged, 3);
        }
        Files.copy(other.resolve("trail.log"), dir.resolve("trail.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (AuditTrail trail = new AuditTrail(dir, clock, "p1"); AuditCheckpointer c = checkpointer(trail, 100)) {
            assertTrue(trail.verify().valid(), "the forged chain is internally consistent");
            assertTrue(c.halted().orElseThrow().contains("the trail was rewritten"), c.halted().orElseThrow());
            CheckpointGuard.CheckpointRefusedException e = assertThrows(CheckpointGuard.CheckpointRefusedException.class, c::signNow);
            assertTrue(e.getMessage().contains("rewritten"));
        }
    }

    @Test
    void theGuardRefusesAnInconsistentHead() {
        CheckpointGuard guard = new CheckpointGuard();
        Checkpoint before = new Checkpoint("o", 4, new byte[32], List.of());
        byte[] other = new byte[32];
        other[0] = 1;
        CheckpointGuard.CheckpointRefusedException e = assertThrows(CheckpointGuard.CheckpointRefusedException.class,
                () -> guard.check(before, new Checkpoint("o", 4, other, List.of()), List.of()));
        assertTrue(e.getMessage().contains("a fork"), e.getMessage());
        assertTrue(assertThrows(CheckpointGuard.CheckpointRefusedException.class,
                () -> guard.check(before, new Checkpoint("p", 5, other, List.of()), List.of())).getMessage().contains("origin"));
        assertFalse(NoteVerifierKey.parse(AuditSigningKey.loadOrCreate(dir, "k", "x").verifierKey().encoded()).name().isEmpty());
    }
}
