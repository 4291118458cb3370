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
 * committed, and one background thread embeds and stores queued alerts in batches.
 *
 * <p>Guarantees: the raising thread only offers to a bounded queue ({@value #CAPACITY} alerts) and never waits;
 * when the queue is full the alert is dropped from indexing, counted and logged, and is embedded on demand when
 * someone asks for its similar alerts (so nothing is wrong, only slower); a failure to index a batch is logged and
 * does not stop the thread; closing stops the thread after the batch in progress.
 */
@Singleton
public class AlertVectorIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertVectorIndexer.class);
    /** Alerts waiting to be indexed, at most. */
    public static final int CAPACITY = 10_000;
    private static final int BATCH = 64;

    private final SimilarAlerts similar;
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong indexed = new AtomicLong();
    private final Thread worker;
    private volatile boolean running = true;

    public AlertVectorIndexer(SimilarAlerts similar) {
        this.similar = similar;
        this.worker = Thread.ofPlatform().name("vigil-alert-vectors").daemon().start(this::drain);
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
        worker.join(TimeUnit.SECONDS.toMillis(30));
    }
}
