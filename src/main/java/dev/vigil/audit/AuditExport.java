package dev.vigil.audit;

import dev.vigil.audit.merkle.MerkleHasher;
import dev.vigil.audit.merkle.MerkleTree;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.SignedNote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The audit export for removable media: one ZIP file holding {@code entries.log} (the trail lines), every signed
 * checkpoint as {@code checkpoints/NNNNNN.note}, the consistency proof between each pair of consecutive checkpoint
 * sizes as {@code proofs/consistency-M-N.txt} (base64 hashes, one a line), the log's verifier key as
 * {@code log.vkey} (for reference only: an assessor verifies with a key obtained independently) and a README.
 *
 * <p>Guarantees: {@link #write} copies only complete lines, and the export verifies with {@link #verify} on any
 * machine: no data directory, no appliance, no network.
 */
public final class AuditExport {

    private static final String README = """
            Vigil audit export.
            Verify offline:  vigil audit verify THIS-FILE --key LOG-KEY [--trusted CHECKPOINT-FILE]
            entries.log       one canonical JSON entry a line (hash-chained; RFC 6962 leaf = SHA-256(0x00 || line))
            checkpoints/      signed checkpoints (C2SP tlog-checkpoint, signed-note format)
            proofs/           RFC 6962 consistency proofs between consecutive checkpoints
            log.vkey          the log's key as the appliance states it; verify with a key you obtained yourself
            """;

    private AuditExport() {
    }

    /** Writes the export of a trail file, its checkpoints and key to {@code target}; returns how many entries. */
    public static long write(Path trailFile, List<String> checkpointNotes, String verifierKey, Path target) throws IOException {
        MerkleHasher hasher = new MerkleHasher();
        MerkleTree tree = new MerkleTree(hasher);
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
            put(zip, "README.txt", README);
            put(zip, "log.vkey", verifierKey.strip() + "\n");
            zip.putNextEntry(new ZipEntry("entries.log"));
            if (Files.exists(trailFile)) {
                try (AuditLines.Reader lines = new AuditLines.Reader(Files.newInputStream(trailFile))) {
                    byte[] line;
                    while ((line = lines.next()) != null && lines.lastHadNewline()) {
                        zip.write(line);
                        zip.write('\n');
                        tree.append(hasher.leaf(line));
                    }
                }
            }
            zip.closeEntry();
            TreeSet<Long> sizes = new TreeSet<>();
            for (int i = 0; i < checkpointNotes.size(); i++) {
                put(zip, String.format("checkpoints/%06d.note", i + 1), checkpointNotes.get(i));
                sizes.add(Checkpoint.parse(SignedNote.parse(checkpointNotes.get(i)).text()).size());
            }
            Long previous = null;
            for (long size : sizes) {
                if (previous != null && previous > 0 && size <= tree.size()) {
                    StringBuilder proof = new StringBuilder();
                    tree.consistencyProof(previous, size).forEach(h -> proof.append(Base64.getEncoder().encodeToString(h)).append('\n'));
                    put(zip, "proofs/consistency-" + previous + "-" + size + ".txt", proof.toString());
                }
                previous = size;
            }
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return tree.size();
    }

    /** Verifies an export with the log's key and optionally a trusted checkpoint note. */
    public static AuditLogVerifier.LogVerification verify(Path export, dev.vigil.audit.note.NoteVerifierKey key,
                                                           String trusted) throws IOException {
        try (ZipFile zip = new ZipFile(export.toFile())) {
            List<String> notes = new ArrayList<>();
            List<ZipEntry> all = zip.stream().map(e -> (ZipEntry) e).toList();
            for (ZipEntry e : all.stream().filter(e -> e.getName().startsWith("checkpoints/"))
                    .sorted(java.util.Comparator.comparing(ZipEntry::getName)).toList()) {
                notes.add(read(zip, e));
            }
            AuditLogVerifier verifier = new AuditLogVerifier(key, notes, trusted);
            ZipEntry entries = zip.getEntry("entries.log");
            if (entries == null) {
                throw new IOException(export + " is not a Vigil audit export: it has no entries.log");
            }
            try (InputStream in = zip.getInputStream(entries); AuditLines.Reader lines = new AuditLines.Reader(in)) {
                byte[] line;
                while ((line = lines.next()) != null) {
                    verifier.entry(line);
                }
            }
            for (ZipEntry e : all.stream().filter(e -> e.getName().startsWith("proofs/consistency-")).toList()) {
                String[] sizes = e.getName().substring("proofs/consistency-".length()).replace(".txt", "").split("-");
                List<byte[]> proof = new ArrayList<>();
                try {
                    for (String line : read(zip, e).split("\n")) {
                        if (!line.isBlank()) {
                            proof.add(Base64.getDecoder().decode(line.strip()));
                        }
                    }
                    verifier.consistencyProof(Long.parseLong(sizes[0]), Long.parseLong(sizes[sizes.length - 1]), proof);
                } catch (IllegalArgumentException bad) {
                    verifier.consistencyProof(-1, -1, List.of()); // reported as a proof that refers to no checkpoint
                }
            }
            return verifier.finish();
        } catch (java.util.zip.ZipException e) {
            throw new IOException(export + " is not a Vigil audit export (not a ZIP file: " + e.getMessage() + ")", e);
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String read(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
