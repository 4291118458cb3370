package dev.vigil.store;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts matching documents per time bucket from the {@code @timestamp} doc values.
 *
 * <p>Guarantees: bucket {@code k} holds the documents with {@code floor(timestamp / bucketMillis) == k}; each
 * matching document is counted exactly once. Sparse: only non-empty buckets appear.
 */
final class HistogramCounter implements CollectorManager<HistogramCounter.BucketCollector, Map<Long, Long>> {

    private final long bucketMillis;

    HistogramCounter(long bucketMillis) {
        this.bucketMillis = bucketMillis;
    }

    @Override
    public BucketCollector newCollector() {
        return new BucketCollector();
    }

    @Override
    public Map<Long, Long> reduce(Collection<BucketCollector> collectors) {
        Map<Long, Long> merged = new HashMap<>();
        for (BucketCollector collector : collectors) {
            collector.counts.forEach((bucket, count) -> merged.merge(bucket, count[0], Long::sum));
        }
        return merged;
    }

    /** Per-slice counts. */
    final class BucketCollector implements Collector {
        private final Map<Long, long[]> counts = new HashMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            NumericDocValues timestamps = DocValues.getNumeric(context.reader(), StoreFields.TIMESTAMP);
            return new LeafCollector() {
                private long lastBucket = Long.MIN_VALUE;
                private long[] lastCount;

                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (!timestamps.advanceExact(doc)) {
                        return;
                    }
                    long bucket = Math.floorDiv(timestamps.longValue(), bucketMillis);
                    if (bucket != lastBucket) {
                        lastBucket = bucket;
                        lastCount = counts.computeIfAbsent(bucket, b -> new long[1]);
                    }
                    lastCount[0]++;
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
