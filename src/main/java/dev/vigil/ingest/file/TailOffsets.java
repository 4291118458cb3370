package dev.vigil.ingest.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * Durable tail positions, one small file per followed path under a directory: written to a temporary file, fsync'd,
 * renamed over the old one, so a crash leaves either the old or the new position, never a torn one.
 */
public final class TailOffsets {

    private final Path directory;

    public TailOffsets(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    public TailPosition load(Path file) {
        Path f = fileFor(file);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            String[] parts = Files.readString(f).trim().split(" ");
            return new TailPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the tail position file " + f + " is unreadable: " + e.getMessage(), e);
        }
    }

    public void save(Path file, TailPosition position) {
        Path target = fileFor(file);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap((position.inode() + " " + position.offset() + " " + file + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the tail position of " + file + ": " + e.getMessage(), e);
        }
    }

    private Path fileFor(Path file) {
        String key = HexFormat.of().formatHex(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        return directory.resolve((key.length() > 200 ? key.substring(key.length() - 200) : key) + ".pos");
    }
}
