package dev.vigil.audit.syslog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads complete (newline-terminated) lines of an append-only file one by one from a remembered position, so a
 * shipper holds one line at a time in memory however large its backlog is. A line still being written (no newline
 * yet) is not returned until it is complete.
 */
final class LineCursor {

    /** Where a cursor stands: the byte offset of the next line and how many lines lie before it. */
    record Mark(long offset, long count) {
    }

    private final Path file;
    private long offset;
    private long count;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private long bufferStart = -1;
    private int bufferLength;
    private FileChannel channel;

    private LineCursor(Path file) {
        this.file = file;
    }

    /** A cursor after the first {@code lines} complete lines (or after all, if the file holds fewer). */
    static LineCursor after(Path file, long lines) throws IOException {
        LineCursor cursor = new LineCursor(file);
        while (cursor.count < lines && cursor.next() != null) {
            // skip
        }
        return cursor;
    }

    /** The next complete line without its newline, or null when there is none yet. */
    byte[] next() throws IOException {
        if (channel == null) {
            if (!Files.exists(file)) {
                return null;
            }
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        ByteArrayOutputStream line = null;
        long at = offset;
        while (true) {
            if (bufferStart < 0 || at < bufferStart || at >= bufferStart + bufferLength) {
                buffer.clear();
                int n = channel.read(buffer, at);
                if (n <= 0) {
                    bufferStart = -1;
                    return null; // no complete line yet
                }
                bufferStart = at;
                bufferLength = n;
            }
            byte[] bytes = buffer.array();
            int from = (int) (at - bufferStart);
            for (int i = from; i < bufferLength; i++) {
                if (bytes[i] == '\n') {
                    byte[] tail = java.util.Arrays.copyOfRange(bytes, from, i);
                    offset = bufferStart + i + 1;
                    count++;
                    if (line == null) {
                        return tail;
                    }
                    line.write(tail, 0, tail.length);
                    return line.toByteArray();
                }
            }
            if (line == null) {
                line = new ByteArrayOutputStream(512);
            }
            line.write(bytes, from, bufferLength - from);
            at = bufferStart + bufferLength;
            bufferStart = -1; // the rest of the line is not buffered yet
        }
    }

    void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        bufferStart = -1;
    }

    Mark mark() {
        return new Mark(offset, count);
    }

    void reset(Mark mark) {
        offset = mark.offset(); // the buffer, keyed by file offset, stays valid: the file only grows
        count = mark.count();
    }

    long count() {
        return count;
    }
}
