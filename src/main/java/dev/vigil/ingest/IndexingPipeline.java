package dev.vigil.ingest;

import dev.vigil.event.EventObserver;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolCursor;
import dev.vigil.ingest.spool.SpooledRecord;
import dev.vigil.store.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Moves events from the spool into the store: read in sequence order, normalise, add, commit at least every
 * {@code commitInterval}, then release the spool up to what the store has durably committed.
 *
 * <p>Guarantees: at start it replays the spool from the store's last durable sequence + 1; together with the store's
 * per-index commit marks this makes every spooled event searchable exactly once after any crash. The spool is
 * released only behind a durable store commit, so nothing is released that a crash could still lose. Normalisation
 * of a batch runs on {@code workers} threads; the store sees the batch before the commit that covers it.
 */
public final class IndexingPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexingPipeline.class);
    private static final int BATCH = 4096;

    private final Spool spool;
    private final EventStore store;
    private final EventNormalizer normalizer;
    private final List<EventObserver> observers;
    private final LongAdder observerErrors = new LongAdder();
    private final Duration commitInterval;
    private final Clock clock;
    private final ExecutorService workers;
    private final int workerCount;
    private final Thread thread;
    private final LongAdder indexed = new LongAdder();
    private final LongAdder parseErrors = new LongAdder();
    private final Map<String, LongAdder> errorsByConnector = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> indexedByConnector = new ConcurrentHashMap<>();
    private final AtomicLong indexedSequence = new AtomicLong();
    private final AtomicLong durableSequence = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private volatile boolean running = true;
    private volatile Throwable failure;

    public IndexingPipeline(Spool spool, EventStore store, EventNormalizer normalizer, Duration commitInterval,
                            int workers, Clock clock) {
        this(spool, store, normalizer, commitInterval, workers, clock, List.of());
    }

    /** As above, with observers (detection) that see every event after the store has it. */
    public IndexingPipeline(Spool spool, EventStore store, EventNormalizer normalizer, Duration commitInterval,
                            int workers, Clock clock, List<EventObserver> observers) {
        this.observers = List.copyOf(observers);
        this.spool = spool;
        this.store = store;
        this.normalizer = normalizer;
        this.commitInterval = commitInterval;
        this.clock = clock;
        this.workerCount = Math.max(1, workers);
        this.workers = Executors.newFixedThreadPool(workerCount, Thread.ofPlatform().name("vigil-normalise-", 0).daemon(true).factory());
        long durable = store.durableSequence();
        this.indexedSequence.set(durable);
        this.durableSequence.set(durable);
        this.thread = Thread.ofPlatform().name("vigil-indexer").daemon(true).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** Waits until every record up to {@code sequence} is searchable; false on timeout. */
    public boolean awaitIndexed(long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (indexedSequence.get() < sequence) {
            if (failure != null || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    public PipelineStats stats() {
        return new PipelineStats(indexed.sum(), parseErrors.sum(), snapshot(errorsByConnector), snapshot(indexedByConnector),
                indexedSequence.get(), durableSequence.get(), lagMillis.get());
    }

    /** Why the pipeline stopped, if it failed. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        long lastCommit = System.nanoTime();
        spool.release(store.durableSequence()); // what the store holds durably no longer counts as spool depth
        try (SpoolCursor cursor = spool.openCursor(store.durableSequence() + 1)) {
            while (running) {
                List<SpooledRecord> batch = cursor.poll(BATCH, Duration.ofMillis(100));
                if (!batch.isEmpty()) {
                    index(batch);
                }
                boolean due = System.nanoTime() - lastCommit >= commitInterval.toNanos();
                if (due && indexedSequence.get() > durableSequence.get()) {
                    commit();
                    lastCommit = System.nanoTime();
                } else if (due) {
                    lastCommit = System.nanoTime();
                }
            }
            if (indexedSequence.get() > durableSequence.get()) {
                commit();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = e;
            LOG.error("indexing stopped: {}", e.getMessage(), e);
        }
    }

    private void index(List<SpooledRecord> batch) throws Exception {
        NormalizedEvent[] events = new NormalizedEvent[batch.size()];
        EventObserver.FollowUp[][] followUps = new EventObserver.FollowUp[batch.size()][];
        int slice = (batch.size() + workerCount - 1) / workerCount;
        Future<?>[] parts = new Future<?>[workerCount];
        for (int w = 0; w < workerCount; w++) {
            int from = w * slice;
            int to = Math.min(batch.size(), from + slice);
            parts[w] = workers.submit(() -> {
                for (int i = from; i < to; i++) {
                    NormalizedEvent e = normalizer.normalize(batch.get(i).toRawEvent());
                    store.add(e);
                    followUps[i] = observe(e);
                    events[i] = e;
                }
            });
        }
        for (Future<?> part : parts) {
            part.get();
        }
        runInOrder(followUps, events);
        for (NormalizedEvent e : events) {
            indexedByConnector.computeIfAbsent(e.connector(), k -> new LongAdder()).increment();
            if (e.hasParseError()) {
                parseErrors.increment();
                errorsByConnector.computeIfAbsent(e.connector(), k -> new LongAdder()).increment();
            }
        }
        indexed.add(events.length);
        SpooledRecord last = batch.getLast();
        lagMillis.set(Math.max(0, clock.millis() - last.record().receivedAt().toEpochMilli()));
        indexedSequence.set(last.sequence());
    }

    private EventObserver.FollowUp[] observe(NormalizedEvent event) {
        EventObserver.FollowUp[] followUps = null;
        for (int o = 0; o < observers.size(); o++) {
            try {
                EventObserver.FollowUp followUp = observers.get(o).observe(event);
                if (followUp != null) {
                    if (followUps == null) {
                        followUps = new EventObserver.FollowUp[observers.size()];
                    }
                    followUps[o] = followUp;
                }
            } catch (RuntimeException e) {
                observerFailed(observers.get(o), event, e);
            }
        }
        return followUps;
    }

    private void runInOrder(EventObserver.FollowUp[][] followUps, NormalizedEvent[] events) {
        for (int i = 0; i < followUps.length; i++) {
            if (followUps[i] == null) {
                continue;
            }
            for (int o = 0; o < followUps[i].length; o++) {
                if (followUps[i][o] != null) {
                    try {
                        followUps[i][o].run();
                    } catch (RuntimeException e) {
                        observerFailed(observers.get(o), events[i], e);
                    }
                }
            }
        }
    }

    private void observerFailed(EventObserver observer, NormalizedEvent event, RuntimeException e) {
        observerErrors.increment();
        LOG.warn("observer {} failed on event {}: {}", observer.getClass().getSimpleName(), event.id(), e.toString());
    }

    /** How many times an observer (detection) threw; indexing went on regardless. */
    public long observerErrors() {
        return observerErrors.sum();
    }

    private void commit() {
        long through = indexedSequence.get();
        store.commit(through);
        durableSequence.set(through);
        spool.release(through);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
