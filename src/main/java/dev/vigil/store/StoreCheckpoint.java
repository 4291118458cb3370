package dev.vigil.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The store's durable checkpoint: the spool sequence through which every event is committed in its day index.
 *
 * <p>Guarantees: a write is atomic and durable (temp file, fsync, atomic rename, fsync of the directory), so after a
 * crash the file holds either the old or the new value, never a torn one; a file that is not a number is reported,
 * never read as 0.
 */
final class StoreCheckpoint {

    static final String FILE_NAME = "store.checkpoint";

    private final Path file;
    private final Path temp;

    StoreCheckpoint(Path root) {
        this.file = root.resolve(FILE_NAME);
        this.temp = root.resolve(FILE_NAME + ".tmp");
    }

    /** The recorded sequence, 0 when no checkpoint was ever written. */
    long read() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("store checkpoint " + file + " is corrupt: expected a sequence number, found '" + text + "'", e);
        }
    }

    void write(long sequence) throws IOException {
        byte[] bytes = (sequence + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system under " + file.getParent() + " cannot rename atomically", e);
        }
        syncDirectory(file.getParent());
    }

    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").toLowerCase().startsWith("windows")) {
                throw e;
            }
            // Windows cannot open a directory as a channel; NTFS makes the rename itself durable.
        }
    }
}
