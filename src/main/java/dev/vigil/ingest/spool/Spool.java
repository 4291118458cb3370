package dev.vigil.ingest.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The durable buffer between transports and indexing: an append-only journal of segment files
 * ({@code segment-<first sequence>.log}).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>A batch's future completes only after every record of it is written and {@code fsync}'d, so a transport that
 *       acknowledges on completion never acknowledges a record a crash could lose.</li>
 *   <li>Group commit: one writer thread writes everything queued since its last pass and calls {@code force} once for
 *       all of it, so concurrent requests share the cost of a disk flush.</li>
 *   <li>Sequences start at 1, increase by one per record, and are never reused, also across restarts.</li>
 *   <li>On open, a torn record at the end of the newest segment (a crash mid-write: never acknowledged) is cut off; a
 *       bad record anywhere else is reported by the cursor as {@link SpoolCorruptedException}, never skipped.</li>
 *   <li>At most {@code capacityBytes} of unreleased data exist: beyond that {@link #append} refuses the whole batch
 *       with {@link SpoolFullException} and {@link #appendBlocking} waits, so nothing is dropped unannounced.</li>
 * </ul>
 */
public final class Spool implements AutoCloseable {

    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{20})\\.log");
    private static final int RECORD_OVERHEAD = RecordCodec.HEADER_BYTES + 44;

    private final SpoolSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition durableAdvanced = lock.newCondition();
    private final Condition spaceFreed = lock.newCondition();
    private final NavigableMap<Long, Path> segments = new TreeMap<>();
    private final Map<Path, Long> segmentSizes = new java.util.HashMap<>();
    private final BlockingQueue<PendingBatch> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong appendedRecords = new AtomicLong();
    private final AtomicLong appendedBytes = new AtomicLong();
    private final AtomicLong rejectedRecords = new AtomicLong();
    private final AtomicLong forces = new AtomicLong();

    private FileChannel active;
    private long activeFirstSequence;
    private long activeSize;
    private long nextSequence;
    private long releasedThrough;
    private long storedBytes;
    private long reservedBytes;
    private volatile long durableSequence;
    private volatile Throwable failure;
    private volatile boolean closed;

    public Spool(SpoolSettings settings) {
        this.settings = settings;
        try {
            Files.createDirectories(settings.directory());
            recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool in " + settings.directory() + ": " + e.getMessage(), e);
        }
        this.writer = Thread.ofPlatform().name("vigil-spool-writer").daemon(true).start(this::writeLoop);
    }

    /**
     * Queues a batch; the future completes once it is durable, with the sequences it was given.
     *
     * @throws SpoolFullException when the batch does not fit; nothing of it is written
     */
    public CompletableFuture<AppendResult> append(List<SpoolRecord> batch) {
        long bytes = estimate(batch);
        lock.lock();
        try {
            checkOpen();
            if (storedBytes + reservedBytes + bytes > settings.capacityBytes()) {
                rejectedRecords.addAndGet(batch.size());
                throw new SpoolFullException(storedBytes + reservedBytes, settings.capacityBytes());
            }
            reservedBytes += bytes;
        } finally {
            lock.unlock();
        }
        return enqueue(batch, bytes);
    }

    /** Appends and waits until the batch is durable, first waiting for room when the spool is full. */
    public AppendResult appendBlocking(List<SpoolRecord> batch) throws InterruptedException {
        long bytes = estimate(batch);
        lock.lock();
        try {
            while (storedBytes + reservedBytes + bytes > settings.capacityBytes() && storedBytes + reservedBytes > 0) {
                checkOpen();
                spaceFreed.await(100, TimeUnit.MILLISECONDS);
            }
            checkOpen();
            reservedBytes += bytes;
        } finally {
            lock.unlock();
        }
        try {
            return enqueue(batch, bytes).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        }
    }

    /** A cursor reading durable records from {@code fromSequence} on (or from the oldest kept, if that is later). */
    public SpoolCursor openCursor(long fromSequence) {
        return new SpoolCursor(this, Math.max(1, fromSequence));
    }

    /** Deletes every segment whose records are all at or below {@code sequenceThrough}; the newest is kept. */
    public void release(long sequenceThrough) {
        lock.lock();
        try {
            releasedThrough = Math.max(releasedThrough, Math.min(sequenceThrough, durableSequence));
            List<Long> firsts = new ArrayList<>(segments.keySet());
            for (int i = 0; i + 1 < firsts.size(); i++) {
                long lastOfSegment = firsts.get(i + 1) - 1;
                if (lastOfSegment > releasedThrough) {
                    break;
                }
                Path file = segments.remove(firsts.get(i));
                Long size = segmentSizes.remove(file);
                Files.deleteIfExists(file);
                storedBytes -= size == null ? 0 : size;
            }
            spaceFreed.signalAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete a released spool segment: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** The last durable sequence (0 when nothing was ever appended). */
    public long lastSequence() {
        return durableSequence;
    }

    /** Records and bytes durable but not yet released (waiting to be indexed and committed). */
    public SpoolDepth depth() {
        lock.lock();
        try {
            return new SpoolDepth(durableSequence - releasedThrough, storedBytes, settings.capacityBytes());
        } finally {
            lock.unlock();
        }
    }

    public SpoolCounters counters() {
        return new SpoolCounters(appendedRecords.get(), appendedBytes.get(), rejectedRecords.get(), forces.get());
    }

    @Override
    public void close() throws IOException {
        closed = true;
        writer.interrupt();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            if (active != null && active.isOpen()) {
                active.force(false);
                active.close();
            }
            durableAdvanced.signalAll();
            spaceFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- package-private for SpoolCursor

    /** Waits until a record at or after {@code sequence} is durable; false on timeout. */
    boolean awaitDurable(long sequence, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (durableSequence < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                durableAdvanced.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The segment holding {@code sequence} (or the first after it), with its first sequence; null if none. */
    Map.Entry<Long, Path> segmentFor(long sequence) {
        lock.lock();
        try {
            Map.Entry<Long, Path> floor = segments.floorEntry(sequence);
            return floor != null ? floor : segments.ceilingEntry(sequence);
        } finally {
            lock.unlock();
        }
    }

    /** The first sequence of the segment after the one starting at {@code first}, or null when it is the newest. */
    Long nextSegmentStart(long first) {
        lock.lock();
        try {
            return segments.higherKey(first);
        } finally {
            lock.unlock();
        }
    }

    long durableSequence() {
        return durableSequence;
    }

    // ---- writing

    private CompletableFuture<AppendResult> enqueue(List<SpoolRecord> batch, long reserved) {
        CompletableFuture<AppendResult> future = new CompletableFuture<>();
        if (batch.isEmpty()) {
            releaseReservation(reserved);
            future.complete(new AppendResult(durableSequence + 1, durableSequence));
            return future;
        }
        queue.add(new PendingBatch(List.copyOf(batch), reserved, future));
        return future;
    }

    private void writeLoop() {
        List<PendingBatch> drained = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                PendingBatch first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                drained.add(first);
                queue.drainTo(drained);
                writeAndForce(drained);
            } catch (InterruptedException e) {
                if (closed && queue.isEmpty()) {
                    break;
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
                for (PendingBatch b : drained) {
                    b.future().completeExceptionally(new UncheckedIOException(
                            "the spool could not write: " + e.getMessage(), e instanceof IOException io ? io : new IOException(e)));
                }
                for (PendingBatch b : queue) {
                    b.future().completeExceptionally(new IllegalStateException("the spool failed: " + e.getMessage(), e));
                }
                queue.clear();
                return;
            } finally {
                drained.clear();
            }
        }
    }

    private void writeAndForce(List<PendingBatch> batches) throws IOException {
        long written = 0;
        long reserved = 0;
        List<AppendResult> results = new ArrayList<>(batches.size());
        for (PendingBatch batch : batches) {
            long firstOfBatch = nextSequence;
            for (SpoolRecord record : batch.records()) {
                byte[] frame = RecordCodec.encode(nextSequence, record);
                if (activeSize > 0 && activeSize + frame.length > settings.segmentBytes()) {
                    roll(nextSequence);
                }
                ByteBuffer buffer = ByteBuffer.wrap(frame);
                while (buffer.hasRemaining()) {
                    active.write(buffer);
                }
                activeSize += frame.length;
                written += frame.length;
                nextSequence++;
            }
            reserved += batch.reservedBytes();
            results.add(new AppendResult(firstOfBatch, nextSequence - 1));
        }
        active.force(false);
        forces.incrementAndGet();
        long records = 0;
        for (PendingBatch b : batches) {
            records += b.records().size();
        }
        appendedRecords.addAndGet(records);
        appendedBytes.addAndGet(written);
        lock.lock();
        try {
            storedBytes += written;
            reservedBytes -= reserved;
            segmentSizes.put(segments.get(activeFirstSequence), activeSize);
            durableSequence = nextSequence - 1;
            durableAdvanced.signalAll();
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < batches.size(); i++) {
            batches.get(i).future().complete(results.get(i));
        }
    }

    private void roll(long firstSequence) throws IOException {
        active.force(false);
        active.close();
        openSegment(firstSequence);
    }

    private void openSegment(long firstSequence) throws IOException {
        Path file = settings.directory().resolve(String.format("segment-%020d.log", firstSequence));
        active = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        activeFirstSequence = firstSequence;
        activeSize = active.size();
        lock.lock();
        try {
            segments.put(firstSequence, file);
            segmentSizes.put(file, activeSize);
        } finally {
            lock.unlock();
        }
        fsyncDirectory();
    }

    // ---- recovery

    private void recover() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(settings.directory(), "segment-*.log")) {
            for (Path file : files) {
                Matcher m = SEGMENT.matcher(file.getFileName().toString());
                if (m.matches()) {
                    segments.put(Long.parseLong(m.group(1)), file);
                    long size = Files.size(file);
                    segmentSizes.put(file, size);
                    storedBytes += size;
                }
            }
        }
        if (segments.isEmpty()) {
            nextSequence = 1;
            releasedThrough = 0;
            durableSequence = 0;
            openSegment(1);
            return;
        }
        Map.Entry<Long, Path> newest = segments.lastEntry();
        long last = newest.getKey() - 1;
        long validEnd;
        try (SegmentReader reader = new SegmentReader(newest.getValue(), 0)) {
            List<SpooledRecord> batch;
            while (!(batch = reader.read(4096, Long.MAX_VALUE)).isEmpty()) {
                last = batch.getLast().sequence();
            }
            validEnd = reader.position();
        }
        long size = Files.size(newest.getValue());
        if (validEnd < size) {
            try (FileChannel ch = FileChannel.open(newest.getValue(), StandardOpenOption.WRITE)) {
                ch.truncate(validEnd);
                ch.force(true);
            }
            storedBytes -= size - validEnd;
            segmentSizes.put(newest.getValue(), validEnd);
        }
        nextSequence = last + 1;
        durableSequence = last;
        releasedThrough = segments.firstKey() - 1;
        segments.remove(newest.getKey());
        segmentSizes.remove(newest.getValue());
        storedBytes -= validEnd;
        openSegment(newest.getKey());
        storedBytes += activeSize;
    }

    private void fsyncDirectory() {
        try (FileChannel dir = FileChannel.open(settings.directory(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // some file systems cannot open a directory for fsync; the segment's own force still holds its data
        }
    }

    private void releaseReservation(long bytes) {
        lock.lock();
        try {
            reservedBytes -= bytes;
            spaceFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the spool is closed");
        }
        if (failure != null) {
            throw new IllegalStateException("the spool failed earlier and accepts nothing: " + failure.getMessage(), failure);
        }
    }

    private static long estimate(List<SpoolRecord> batch) {
        long bytes = 0;
        for (SpoolRecord r : batch) {
            bytes += RECORD_OVERHEAD + r.payload().length() * 3L / 2 + r.source().length() + r.connector().length()
                    + r.tenant().value().length();
        }
        return bytes;
    }

    private record PendingBatch(List<SpoolRecord> records, long reservedBytes, CompletableFuture<AppendResult> future) {
    }
}
