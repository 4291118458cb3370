package dev.vigil.audit;

import dev.vigil.audit.merkle.MerkleHasher;
import dev.vigil.audit.merkle.MerkleTree;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.NoteSigner;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.note.SignedNote;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of tampering an assessor must catch in an export, each naming the first bad entry. */
class AuditExportVerifyTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private NoteSigner signer;
    private NoteVerifierKey key;
    private Path export;
    private List<String> notes;

    @BeforeEach
    void tenEntriesCheckpointedAtFourAndTen() throws IOException {
        Path data = dir.resolve("audit");
        signer = AuditSigningKey.loadOrCreate(data, "checkpoint", "vigil.test/audit");
        key = signer.verifierKey();
        try (AuditTrail trail = new AuditTrail(data, clock, "p1");
             AuditCheckpointer c = new AuditCheckpointer(trail, signer, new CheckpointStore(data), clock, Duration.ofSeconds(5), 1000)) {
            AuditCheckpointerTest.append(trail, 4);
            c.signNow();
            AuditCheckpointerTest.append(trail, 6);
            c.signNow();
        }
        notes = new CheckpointStore(data).all();
        export = dir.resolve("export.zip");
        assertEquals(10, AuditExport.write(data.resolve("trail.log"), notes, key.encoded(), export));
    }

    @Test
    void anIntactExportVerifies() throws IOException {
        AuditLogVerifier.LogVerification v = AuditExport.verify(export, key, null);
        assertTrue(v.valid(), v.problems().toString());
        assertEquals(10, v.entries());
        assertEquals(2, v.checkpoints());
        assertEquals(0, v.firstBadEntry());
        assertEquals(List.of(), v.warnings());
        assertTrue(AuditExport.verify(export, key, notes.getFirst()).valid(), "with the first checkpoint as trusted");
    }

    @Test
    void aModifiedEntryIsNamed() throws IOException {
        rewriteEntries(lines -> {
            lines.set(4, lines.get(4).replace("\"actor\":\"alice\"", "\"actor\":\"bob\""));
            return lines;
        });
        assertBad(5, "entry 5: content was modified", null);
    }

    @Test
    void aDeletedEntryIsNamed() throws IOException {
        rewriteEntries(lines -> {
            lines.remove(4);
            return lines;
        });
        assertBad(5, "entry 5: found sequence 6 (entries deleted or reordered)", null);
    }

    @Test
    void reorderedEntriesAreNamed() throws IOException {
        rewriteEntries(lines -> {
            Collections.swap(lines, 5, 6);
            return lines;
        });
        assertBad(6, "entry 6: found sequence 7 (entries deleted or reordered)", null);
    }

    @Test
    void aTruncatedLogIsNamed() throws IOException {
        rewriteEntries(lines -> new ArrayList<>(lines.subList(0, 8)));
        assertBad(9, "truncated: the signed checkpoint of size 10 covers entries the log does not hold; entries 9..10 are missing", null);
    }

    @Test
    void aRewriteWithARecomputedChainIsLocatedBetweenCheckpoints() throws IOException {
        Path forged = dir.resolve("forged");
        try (AuditTrail trail = new AuditTrail(forged, clock, "p1")) {
            AuditCheckpointerTest.append(trail, 6);
            trail.append(new AuditRecord("mallory", "admin", TenantId.of("customer"), "rule.delete", "r", "x", null));
            AuditCheckpointerTest.append(trail, 3);
        }
        List<String> forgedLines = Files.readAllLines(forged.resolve("trail.log"));
        rewriteEntries(lines -> new ArrayList<>(forgedLines));
        AuditLogVerifier.LogVerification v = AuditExport.verify(export, key, null);
        assertFalse(v.valid());
        assertEquals(5, v.firstBadEntry(), v.problems().toString());
        assertTrue(v.problems().getFirst().startsWith("rewritten: entries 1..10 do not give the root of the signed checkpoint of size 10"),
                v.problems().toString());
    }

    @Test
    void aForgedSignatureIsNamed() throws IOException {
        String note = notes.get(1);
        int at = note.lastIndexOf(' ') + 10;
        String forged = note.substring(0, at) + (note.charAt(at) == 'A' ? 'B' : 'A') + note.substring(at + 1);
        rewriteFile("checkpoints/000002.note", forged);
        AuditLogVerifier.LogVerification v = AuditExport.verify(export, key, null);
        assertFalse(v.valid());
        assertTrue(v.problems().contains("checkpoint 2: forged signature: the signature by key vigil.test/audit does not verify"),
                v.problems().toString());
    }

    @Test
    void aMissingSignatureIsNamed() throws IOException {
        NoteSigner other = AuditSigningKey.loadOrCreate(dir.resolve("other"), "checkpoint", "vigil.test/audit");
        rewriteFile("checkpoints/000002.note", other.sign(SignedNote.parse(notes.get(1)).text()).encoded());
        AuditLogVerifier.LogVerification v = AuditExport.verify(export, key, null);
        assertFalse(v.valid());
        assertTrue(v.problems().contains("checkpoint 2: missing signature: no signature by key vigil.test/audit"),
                v.problems().toString());
        NoteVerifierKey wrongKey = other.verifierKey();
        assertFalse(AuditExport.verify(dir.resolve("export.zip"), wrongKey, null).valid(), "verifying with another key");
    }

    @Test
    void twoCheckpointsOfOneSizeWithDifferentRootsAreAFork() throws IOException {
        String fork = signer.sign(forkedCheckpoint(10).body()).encoded();
        addFile("checkpoints/000003.note", fork);
        AuditLogVerifier.LogVerification v = AuditExport.verify(export, key, null);
        assertFalse(v.valid());
        assertTrue(v.problems().getFirst().startsWith("fork: two signed checkpoints of size 10 with different roots"),
                v.problems().toString());
    }

    @Test
    void aTrustedCheckpointInconsistentWithTheLogIsAFork() throws IOException {
        String trusted = signer.sign(forkedCheckpoint(7).body()).encoded();
        AuditLogVerifier.LogVerification v = AuditExport.verify(export, key, trusted);
        assertFalse(v.valid());
        assertEquals(5, v.firstBadEntry());
        assertTrue(v.problems().getFirst().startsWith("fork: entries 1..7 do not give the root of the trusted checkpoint of size 7"),
                v.problems().toString());
    }

    @Test
    void aTrustedCheckpointBeyondTheLogMeansTruncation() throws IOException {
        String trusted = signer.sign(forkedCheckpoint(12).body()).encoded();
        AuditLogVerifier.LogVerification v = AuditExport.verify(export, key, trusted);
        assertFalse(v.valid());
        assertEquals(11, v.firstBadEntry());
        assertTrue(v.problems().getFirst().startsWith("truncated: the trusted checkpoint of size 12"), v.problems().toString());
    }

    @Test
    void aTamperedConsistencyProofIsReported() throws IOException {
        rewriteFile("proofs/consistency-4-10.txt", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
        AuditLogVerifier.LogVerification v = AuditExport.verify(export, key, null);
        assertFalse(v.valid());
        assertTrue(v.problems().getFirst().startsWith("fork: the signed checkpoints of size 4 and 10 are not consistent"),
                v.problems().toString());
    }

    @Test
    void entriesAfterTheLastCheckpointAreAWarningNotAFailure() throws IOException {
        Path data = dir.resolve("audit");
        try (AuditTrail trail = new AuditTrail(data, clock, "p1")) {
            AuditCheckpointerTest.append(trail, 2);
        }
        AuditExport.write(data.resolve("trail.log"), notes, key.encoded(), export);
        AuditLogVerifier.LogVerification v = AuditExport.verify(export, key, null);
        assertTrue(v.valid(), v.problems().toString());
        assertEquals(List.of("entries 11..12 are not yet covered by a signed checkpoint"), v.warnings());
    }

    /** A checkpoint of another history: the same entries but with entry 5 onwards different. */
    private Checkpoint forkedCheckpoint(int size) {
        MerkleHasher hasher = new MerkleHasher();
        MerkleTree tree = new MerkleTree(hasher);
        try {
            List<String> lines = readEntries();
            for (int i = 0; i < size; i++) {
                String line = i < 4 && i < lines.size() ? lines.get(i) : "forged " + i;
                tree.append(hasher.leaf(line.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Checkpoint("vigil.test/audit", size, tree.root(size), List.of());
    }

    private void assertBad(long firstBad, String problem, String trusted) throws IOException {
        AuditLogVerifier.LogVerification v = AuditExport.verify(export, key, trusted);
        assertFalse(v.valid());
        assertEquals(firstBad, v.firstBadEntry(), v.problems().toString());
        assertEquals(problem, v.problems().getFirst());
    }

    private List<String> readEntries() throws IOException {
        return new ArrayList<>(List.of(zipContent().get("entries.log").split("\n")));
    }

    private void rewriteEntries(UnaryOperator<List<String>> change) throws IOException {
        rewriteFile("entries.log", String.join("\n", change.apply(readEntries())) + "\n");
    }

    private void addFile(String name, String content) throws IOException {
        Map<String, String> files = zipContent();
        files.put(name, content);
        writeZip(files);
    }

    private void rewriteFile(String name, String content) throws IOException {
        Map<String, String> files = zipContent();
        assertTrue(files.containsKey(name), name + " in " + files.keySet());
        files.put(name, content);
        writeZip(files);
    }

    private Map<String, String> zipContent() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(export.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private void writeZip(Map<String, String> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(export); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
