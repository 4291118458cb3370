package dev.vigil.audit;

import dev.vigil.audit.merkle.MerkleHasher;
import dev.vigil.audit.merkle.MerkleTree;
import dev.vigil.tenancy.TenantId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The append-only, hash-chained audit trail under {@code <data>/audit/trail.log}: one canonical JSON line per entry,
 * and the RFC 6962 Merkle tree over those lines (leaf = {@code SHA-256(0x00 ‖ line bytes)}).
 *
 * <p>Guarantees: {@link #append} returns only after the entry is written and fsync'd (concurrent appends share one
 * write and one fsync: group commit); sequence numbers have no gaps; each entry's hash covers the previous entry's hash, so changing,
 * removing or reordering any entry breaks every hash after it, which {@link #verify()} reports naming the first bad
 * entry. Tree heads and proofs are offered only for the durable prefix. If a write or fsync fails the trail refuses
 * every later append (fails closed) rather than risk a gap. The trail lives outside the database so a database
 * restore cannot rewrite history. On open, a torn last line (a crash mid-write) is cut off, since it was never
 * acknowledged, and the tree is rebuilt by rehashing the lines (about a second per million entries).
 */
public final class AuditTrail implements AutoCloseable {

    /** Lines {@link #verify} checks together (their independent work spread over the cores). */
    private static final int VERIFY_BATCH = 8192;

    private final Path directory;
    private final Path file;
    private final Clock clock;
    private final String policyVersion;
    private final FileChannel channel;
    private final MerkleHasher hasher = new MerkleHasher();
    private final MerkleTree tree = new MerkleTree(hasher);
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Condition flushed = syncLock.newCondition();
    private boolean flushing;
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream(1 << 16);
    private long lastSequence;
    private String lastHash;
    private volatile long written;
    private volatile long durable;
    private volatile String failure;

    public AuditTrail(Path directory, Clock clock, String policyVersion) {
        this.directory = directory;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policyVersion = Objects.requireNonNull(policyVersion, "policyVersion");
        try {
            Files.createDirectories(directory);
            this.file = directory.resolve("trail.log");
            AuditEntry last = load();
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            lastSequence = last == null ? 0 : last.sequence();
            lastHash = last == null ? AuditCanonicalForm.GENESIS : last.hash();
            written = tree.size();
            durable = tree.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit trail in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Records a state change durably and returns the entry as written. Throws if it cannot be written. */
    public AuditEntry append(AuditRecord record) {
        return appendAll(List.of(record)).getFirst();
    }

    /**
     * Records several state changes durably, as consecutive entries in the given order (no other entry falls between
     * them), with one write and one fsync; returns the entries as written. For actions that change many objects at
     * once (bulk triage, rule imports). Throws if they cannot be written; then none is acknowledged.
     */
    public List<AuditEntry> appendAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        String[][] states = new String[records.size()][]; // hashed before taking the lock: they need no order
        for (int i = 0; i < states.length; i++) {
            AuditRecord r = records.get(i);
            states[i] = new String[] {AuditCanonicalForm.stateHash(r.before()), AuditCanonicalForm.stateHash(r.after())};
        }
        List<AuditEntry> entries = new ArrayList<>(records.size());
        synchronized (this) {
            if (failure != null) {
                throw new IllegalStateException("the audit trail refuses appends after a failed write: " + failure);
            }
            Instant now = Instant.now(clock);
            for (int i = 0; i < states.length; i++) {
                AuditRecord record = records.get(i);
                AuditEntry unhashed = new AuditEntry(lastSequence + 1, now, record.actor(), record.role(),
                        record.tenant(), record.action(), record.object(), policyVersion, states[i][0], states[i][1],
                        lastHash, "");
                String canonical = AuditCanonicalForm.unhashed(unhashed);
                String hash = AuditCanonicalForm.chainHash(lastHash, canonical);
                AuditEntry entry = new AuditEntry(unhashed.sequence(), now, unhashed.actor(), unhashed.role(),
                        unhashed.tenant(), unhashed.action(), unhashed.object(), unhashed.policyVersion(),
                        unhashed.beforeHash(), unhashed.afterHash(), unhashed.previousHash(), hash);
                byte[] line = AuditCanonicalForm.line(canonical, hash).getBytes(StandardCharsets.UTF_8);
                pending.write(line, 0, line.length);
                pending.write('\n');
                tree.append(hasher.leaf(line));
                lastSequence = entry.sequence();
                lastHash = hash;
                entries.add(entry);
            }
            written = lastSequence;
        }
        awaitDurable(entries.getLast().sequence());
        return List.copyOf(entries);
    }

    /**
     * Group commit: the first waiter whose entry is not yet durable becomes the flusher and writes and fsyncs everything
     * appended so far, without holding the lock, while later appenders queue their entries for the next flush and
     * wait; each flush wakes every waiter, and those it covered return at once.
     */
    private void awaitDurable(long sequence) {
        if (durable >= sequence) {
            return;
        }
        syncLock.lock();
        try {
            while (durable < sequence) {
                if (failure != null) { // the batch holding this entry was lost with the failed write
                    throw new IllegalStateException("the audit trail could not write this entry: " + failure);
                }
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                syncLock.unlock();
                long target = 0;
                try {
                    target = flush();
                } finally {
                    syncLock.lock();
                    flushing = false;
                    if (target > 0) {
                        durable = target;
                    }
                    flushed.signalAll();
                }
            }
        } finally {
            syncLock.unlock();
        }
    }

    /** Writes and fsyncs everything appended so far; returns the sequence it made durable. Called by one flusher. */
    private long flush() {
        byte[] bytes;
        long target;
        synchronized (this) { // take everything appended so far: one write and one fsync for all of it
            bytes = pending.toByteArray();
            pending.reset();
            target = written;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            failure = e.getMessage();
            throw new UncheckedIOException("cannot write the audit trail " + file + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Entries of one tenant, oldest first, at most {@code limit} from the newest end. */
    public List<AuditEntry> entries(TenantId tenant, int limit) {
        return entries(e -> e.tenant().equals(tenant), limit);
    }

    /** Entries matching {@code filter}, oldest first, at most {@code limit} from the newest end. */
    public List<AuditEntry> entries(Predicate<AuditEntry> filter, int limit) {
        Deque<AuditEntry> kept = new ArrayDeque<>();
        long bound = durable;
        try (AuditLines.Reader lines = new AuditLines.Reader(Files.newInputStream(file))) {
            byte[] line;
            for (long n = 0; n < bound && (line = lines.next()) != null; n++) {
                AuditEntry e = AuditLines.parse(AuditLines.text(line));
                if (filter.test(e)) {
                    kept.addLast(e);
                    if (kept.size() > limit) {
                        kept.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit trail " + file + ": " + e.getMessage(), e);
        }
        return List.copyOf(kept);
    }

    /** Recomputes the chain and the tree from the file; the result names the first entry that does not verify. */
    public AuditVerification verify() {
        long bound = durable;
        AuditChainCheck check = new AuditChainCheck();
        try (AuditLines.Reader lines = new AuditLines.Reader(Files.newInputStream(file))) {
            List<byte[]> batch = new ArrayList<>(VERIFY_BATCH);
            byte[] line;
            for (long n = 0; n < bound && (line = lines.next()) != null && check.problem() == null; n++) {
                batch.add(line);
                if (batch.size() == VERIFY_BATCH) {
                    check.acceptAll(batch, size -> { });
                    batch.clear();
                }
            }
            check.acceptAll(batch, size -> { });
        } catch (IOException e) {
            return new AuditVerification(false, 0, "unreadable trail: " + e.getMessage());
        }
        if (check.problem() != null) {
            return new AuditVerification(false, check.count(), check.problem());
        }
        if (check.count() != bound) {
            return new AuditVerification(false, check.count(), "entry " + (check.count() + 1)
                    + ": missing (the trail file holds " + check.count() + " of " + bound + " entries written)");
        }
        if (!java.util.Arrays.equals(check.root(), root(bound))) {
            return new AuditVerification(false, bound, "the trail file no longer gives the Merkle root of its "
                    + bound + " entries: an entry was rewritten with a recomputed chain");
        }
        return new AuditVerification(true, bound, null);
    }

    /** Entries written and acknowledged (fsync'd). */
    public synchronized long size() {
        return lastSequence;
    }

    /** Entries known to be on disk: tree heads and proofs are offered for this prefix only. */
    public long durableSize() {
        return durable;
    }

    /** The RFC 6962 root of the first {@code treeSize} entries. */
    public synchronized byte[] root(long treeSize) {
        checkDurable(treeSize);
        return tree.root(treeSize);
    }

    public synchronized List<byte[]> consistencyProof(long first, long second) {
        checkDurable(second);
        return tree.consistencyProof(first, second);
    }

    public synchronized List<byte[]> inclusionProof(long index, long treeSize) {
        checkDurable(treeSize);
        return tree.inclusionProof(index, treeSize);
    }

    /** The directory of the trail (its checkpoints and key live beside it). */
    public Path directory() {
        return directory;
    }

    /** The trail file, for exporters and shippers that read it (append-only: a prefix never changes). */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private void checkDurable(long treeSize) {
        if (treeSize > durable) {
            throw new IllegalArgumentException("tree size " + treeSize + " is beyond the " + durable + " durable entries");
        }
    }

    /** Cuts a torn last line off, rehashes every line into the tree and returns the last entry (null if none). */
    private AuditEntry load() throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        long goodBytes = 0;
        byte[] last = null;
        try (InputStream in = Files.newInputStream(file); AuditLines.Reader lines = new AuditLines.Reader(in)) {
            byte[] line;
            while ((line = lines.next()) != null) {
                if (!lines.lastHadNewline()) {
                    break; // a torn last line was never acknowledged
                }
                goodBytes += line.length + 1;
                tree.append(hasher.leaf(line));
                last = line;
            }
        }
        if (goodBytes != Files.size(file)) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(goodBytes);
                ch.force(true);
            }
        }
        return last == null ? null : AuditLines.parse(AuditLines.text(last));
    }
}
