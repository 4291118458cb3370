package dev.vigil.analyst.similar;

import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertRaised;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Indexes each newly raised alert for similarity, off the ingest path: the alert is queued once its transaction has
 * committed, and {@value #WORKERS} background threads take queued alerts in batches, embed them (each text alone,
 * sharing the one model session) and store them.
 *
 * <p>Guarantees: the raising thread only offers to a bounded queue ({@value #CAPACITY} alerts) and never waits;
 * when the queue is full the alert is dropped from indexing, counted and logged, and is embedded on demand when
 * someone asks for its similar alerts (so nothing is wrong, only slower); each queued alert is taken by exactly one
 * worker; a failure to index a batch is logged and does not stop its worker; closing stops every worker after the
 * batch in progress.
 */
@Singleton
public class AlertVectorIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertVectorIndexer.class);
    /** Alerts waiting to be indexed, at most. */
    public static final int CAPACITY = 10_000;
    /**
     * Background workers: on the 2-core appliance two callers on the shared session (one intra-op thread each) use
     * both cores during a burst, and leave them to ingest as soon as the queue is empty.
     */
    public static final int WORKERS = 2;
    private static final int BATCH = 32;

    private final SimilarAlerts similar;
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong indexed = new AtomicLong();
    private final List<Thread> workers;
    private volatile boolean running = true;

    public AlertVectorIndexer(SimilarAlerts similar) {
        this(similar, WORKERS);
    }

    AlertVectorIndexer(SimilarAlerts similar, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("the indexer needs at least 1 worker, was " + workers);
        }
        this.similar = similar;
        List<Thread> started = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            started.add(Thread.ofPlatform().name("vigil-alert-vectors-" + i).daemon().start(this::drain));
        }
        this.workers = List.copyOf(started);
    }

    /** Queues the committed alert for indexing. */
    @TransactionalEventListener
    public void onRaised(AlertRaised event) {
        if (!queue.offer(event.alert())) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("similar alerts: indexing queue full; {} alerts left to be embedded on demand", n);
            }
        }
    }

    /** Alerts indexed so far. */
    public long indexed() {
        return indexed.get();
    }

    /** Alerts not queued because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        List<Alert> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Alert first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                indexed.addAndGet(similar.index(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("similar alerts: cannot index {} alerts: {}", batch.size(), e.getMessage(), e);
            } finally {
                batch.clear();
            }
        }
    }

    @Override
    @PreDestroy
    public void close() throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread worker : workers) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                worker.join(left);
            }
        }
    }
}
