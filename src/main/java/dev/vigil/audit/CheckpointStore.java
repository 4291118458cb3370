package dev.vigil.audit;

import dev.vigil.audit.note.SignedNote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Signed checkpoints on disk: every one ever signed in {@code checkpoints.log} (one line each: the base64 of the
 * note, so notes with their blank lines fit one line), and the latest in {@code checkpoint.latest} as plain note text,
 * replaced atomically (written, fsync'd, renamed) so a crash leaves either the old or the new one.
 */
public final class CheckpointStore {

    private final Path log;
    private final Path latest;

    public CheckpointStore(Path directory) {
        this.log = directory.resolve("checkpoints.log");
        this.latest = directory.resolve("checkpoint.latest");
    }

    /** Records a newly signed checkpoint durably (history first, then the latest pointer). */
    public synchronized void add(SignedNote note) {
        try {
            byte[] line = (Base64.getEncoder().encodeToString(note.encoded().getBytes(StandardCharsets.UTF_8)) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(java.nio.ByteBuffer.wrap(line));
                ch.force(false);
            }
            writeAtomically(latest, note.encoded());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the checkpoint in " + log + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<SignedNote> latest() {
        try {
            return Files.exists(latest) ? Optional.of(SignedNote.parse(Files.readString(latest))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + latest + ": " + e.getMessage(), e);
        }
    }

    /** Every checkpoint signed so far, oldest first, as note text. */
    public synchronized List<String> all() {
        try {
            List<String> notes = new ArrayList<>();
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.US_ASCII)) {
                    if (!line.isBlank()) {
                        notes.add(new String(Base64.getDecoder().decode(line.strip()), StandardCharsets.UTF_8));
                    }
                }
            }
            return notes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log + ": " + e.getMessage(), e);
        }
    }

    /** Writes text to a file so that readers see the old or the new content, never a mix. */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
