package dev.vigil.ingest.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads durable spool records in sequence order, for the indexing pipeline; one cursor per reader thread.
 *
 * <p>Guarantees: records come exactly in sequence order without gaps from the starting sequence (or from the
 * oldest kept record when older ones were released); a record that fails its checksum raises
 * {@link SpoolCorruptedException} naming the segment and byte, instead of being skipped.
 */
public final class SpoolCursor implements AutoCloseable {

    private final Spool spool;
    private long next;
    private SegmentReader reader;
    private long readerFirstSequence;

    SpoolCursor(Spool spool, long from) {
        this.spool = spool;
        this.next = from;
    }

    /** Up to {@code max} records from the next sequence on, waiting up to {@code wait} when none is durable yet. */
    public List<SpooledRecord> poll(int max, Duration wait) throws InterruptedException {
        if (!spool.awaitDurable(next, wait)) {
            return List.of();
        }
        long limit = spool.durableSequence();
        try {
            while (true) {
                if (reader == null && !openReaderFor(next)) {
                    return List.of();
                }
                List<SpooledRecord> records = reader.read(max, limit);
                while (!records.isEmpty() && records.getFirst().sequence() < next) {
                    records = records.subList(1, records.size());
                    if (records.isEmpty()) {
                        records = reader.read(max, limit);
                    }
                }
                if (!records.isEmpty()) {
                    next = records.getLast().sequence() + 1;
                    return records;
                }
                Long following = spool.nextSegmentStart(readerFirstSequence);
                if (following != null && following <= next) {
                    reader.close();
                    reader = null;
                    continue;
                }
                if (reader.stopReason() != null && next <= limit) {
                    throw new SpoolCorruptedException(reader.file(), reader.position(), reader.stopReason());
                }
                return List.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spool: " + e.getMessage(), e);
        }
    }

    /** The sequence the next record will have. */
    public long nextSequence() {
        return next;
    }

    private boolean openReaderFor(long sequence) throws IOException {
        Map.Entry<Long, Path> segment = spool.segmentFor(sequence);
        if (segment == null) {
            return false;
        }
        if (segment.getKey() > next) {
            next = segment.getKey(); // older records were released
        }
        reader = new SegmentReader(segment.getValue(), 0);
        readerFirstSequence = segment.getKey();
        return true;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
