package dev.vigil.ingest.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads records from one segment file sequentially, stopping at the first position that is not a complete, valid
 * record. Whether that position is a torn tail (normal after a crash, at the end of the newest segment) or corruption
 * (anywhere else) is the caller's judgement; {@link #stopReason()} says what was found.
 */
final class SegmentReader implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private long position;
    private String stopReason;

    SegmentReader(Path file, long position) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.position = position;
    }

    /** Reads up to {@code max} records whose sequence is at most {@code limitSequence}. */
    List<SpooledRecord> read(int max, long limitSequence) throws IOException {
        List<SpooledRecord> out = new ArrayList<>();
        ByteBuffer header = ByteBuffer.allocate(RecordCodec.HEADER_BYTES);
        long size = channel.size();
        stopReason = null;
        while (out.size() < max) {
            if (position + RecordCodec.HEADER_BYTES > size) {
                if (position < size) {
                    stopReason = "incomplete record header";
                }
                break;
            }
            header.clear();
            readFully(header, position);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length <= 0 || length > RecordCodec.MAX_BODY_BYTES) {
                stopReason = "impossible record length " + length;
                break;
            }
            if (position + RecordCodec.HEADER_BYTES + length > size) {
                stopReason = "record runs past the end of the file";
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(body, position + RecordCodec.HEADER_BYTES);
            body.flip();
            if (!RecordCodec.checksumMatches(body, crc)) {
                stopReason = "checksum mismatch";
                break;
            }
            SpooledRecord record = RecordCodec.decode(body);
            if (record.sequence() > limitSequence) {
                break;
            }
            out.add(record);
            position += RecordCodec.HEADER_BYTES + length;
        }
        return out;
    }

    long position() {
        return position;
    }

    Path file() {
        return file;
    }

    /** Why the last read stopped before the end of the file, or null if it reached the end or its limit. */
    String stopReason() {
        return stopReason;
    }

    private void readFully(ByteBuffer buffer, long at) throws IOException {
        long p = at;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, p);
            if (n < 0) {
                throw new IOException("unexpected end of " + file);
            }
            p += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
