package dev.vigil.audit;

import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.NoteSigner;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.note.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Signs C2SP tlog-checkpoints of the audit trail: when {@code everyEntries} new durable entries have accumulated,
 * or {@code interval} has passed with at least one new entry. The body is origin (the key's name), size, base64
 * root and one extension line {@code time <ISO instant>}.
 *
 * <p>Guarantees: it never signs a checkpoint inconsistent with the latest one it signed ({@link CheckpointGuard});
 * when the trail on disk no longer matches that checkpoint (truncated or rewritten, found at start or later) it stops
 * signing for good, logs the reason and reports it through {@link #halted()}: it fails closed. Only durable entries
 * are ever covered. Listeners (witness client, syslog sink) hear of each new checkpoint after it is stored.
 */
public final class AuditCheckpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpointer.class);

    private final AuditTrail trail;
    private final NoteSigner signer;
    private final CheckpointStore store;
    private final Clock clock;
    private final Duration interval;
    private final long everyEntries;
    private final CheckpointGuard guard = new CheckpointGuard();
    private final List<Consumer<SignedNote>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;
    private SignedNote latest;
    private Instant latestAt;
    private volatile String halted;

    public AuditCheckpointer(AuditTrail trail, NoteSigner signer, CheckpointStore store, Clock clock, Duration interval,
                             long everyEntries) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the checkpoint interval must be positive, was " + interval);
        }
        if (everyEntries < 1) {
            throw new IllegalArgumentException("the checkpoint entry count must be at least 1, was " + everyEntries);
        }
        this.trail = trail;
        this.signer = signer;
        this.store = store;
        this.clock = clock;
        this.interval = interval;
        this.everyEntries = everyEntries;
        this.latest = store.latest().orElse(null);
        this.latestAt = clock.instant();
        checkLatestAgainstTrail();
    }

    /** Starts signing in the background (one daemon thread). */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpointer");
            t.setDaemon(true);
            return t;
        });
        long pollMillis = Math.max(10, Math.min(250, interval.toMillis()));
        scheduler.scheduleWithFixedDelay(this::signIfDueQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    public void addListener(Consumer<SignedNote> listener) {
        listeners.add(listener);
    }

    /** The key checkpoints are signed with, as a signed-note verifier key. */
    public NoteVerifierKey verifierKey() {
        return signer.verifierKey();
    }

    public synchronized Optional<SignedNote> latest() {
        return Optional.ofNullable(latest);
    }

    /** Why signing has stopped, if it has. */
    public Optional<String> halted() {
        return Optional.ofNullable(halted);
    }

    /** Signs a checkpoint if one is due; returns it. */
    public synchronized Optional<SignedNote> signIfDue() {
        long size = trail.durableSize();
        long signed = latest == null ? 0 : Checkpoint.parse(latest.text()).size();
        boolean due = size - signed >= everyEntries
                || (size > signed && !clock.instant().isBefore(latestAt.plus(interval)));
        return due ? Optional.of(signNow()) : Optional.empty();
    }

    /**
     * Signs a checkpoint of the durable trail now (or returns the latest if nothing was added since).
     *
     * @throws CheckpointGuard.CheckpointRefusedException when it would be inconsistent with the previous checkpoint
     */
    public synchronized SignedNote signNow() {
        if (halted != null) {
            throw new CheckpointGuard.CheckpointRefusedException(halted);
        }
        long size = trail.durableSize();
        Checkpoint previous = latest == null ? null : Checkpoint.parse(latest.text());
        if (previous != null && previous.size() == size) {
            checkLatestAgainstTrail();
            if (halted != null) {
                throw new CheckpointGuard.CheckpointRefusedException(halted);
            }
            return latest;
        }
        Checkpoint next = new Checkpoint(signer.name(), size, trail.root(size),
                List.of("time " + clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        try {
            guard.check(previous, next, previous == null ? List.of()
                    : trail.consistencyProof(Math.min(previous.size(), size), size));
        } catch (CheckpointGuard.CheckpointRefusedException | IllegalArgumentException e) {
            halt(e.getMessage());
            throw new CheckpointGuard.CheckpointRefusedException(e.getMessage());
        }
        SignedNote note = signer.sign(next.body());
        store.add(note);
        latest = note;
        latestAt = clock.instant();
        for (Consumer<SignedNote> l : listeners) {
            try {
                l.accept(note);
            } catch (RuntimeException e) {
                LOG.warn("a checkpoint listener failed: {}", e.toString());
            }
        }
        return note;
    }

    private void signIfDueQuietly() {
        try {
            if (halted == null) {
                signIfDue();
            }
        } catch (RuntimeException e) {
            LOG.error("audit checkpoint not signed: {}", e.getMessage());
        }
    }

    private void checkLatestAgainstTrail() {
        if (latest == null) {
            return;
        }
        try {
            latest.verify(signer.verifierKey());
            Checkpoint last = Checkpoint.parse(latest.text());
            if (!last.origin().equals(signer.name())) {
                halt("the latest checkpoint has origin '" + last.origin() + "', not this log's '" + signer.name() + "'");
            } else if (last.size() > trail.durableSize()) {
                halt("the trail holds " + trail.durableSize() + " entries but a checkpoint of size " + last.size()
                        + " was signed: entries " + (trail.durableSize() + 1) + ".." + last.size() + " were removed");
            } else if (!java.util.Arrays.equals(trail.root(last.size()), last.rootHash())) {
                halt("the first " + last.size() + " entries of the trail no longer match the checkpoint signed for them"
                        + " (root " + last.rootHex() + "): the trail was rewritten");
            }
        } catch (IllegalArgumentException e) {
            halt("the latest checkpoint cannot be trusted: " + e.getMessage());
        }
    }

    private void halt(String reason) {
        if (halted == null) {
            halted = reason;
            LOG.error("audit checkpoint signing stopped: {}", reason);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
