package dev.vigil.store;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
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
 * Counts, per distinct value of a keyword field, the matching documents that carry it, from the field's sorted-set
 * doc values (ordinals per segment, resolved to text once per segment).
 *
 * <p>Guarantees: a document with a value several times counts once for it; values longer than the store's doc-value
 * limit are not counted (they have no doc values). The result maps original-case values to counts.
 */
final class TopValuesCounter implements CollectorManager<TopValuesCounter.ValueCollector, Map<String, Long>> {

    private static final long DENSE_LIMIT = 1 << 22;

    private final String docValuesField;

    TopValuesCounter(String docValuesField) {
        this.docValuesField = docValuesField;
    }

    @Override
    public ValueCollector newCollector() {
        return new ValueCollector();
    }

    @Override
    public Map<String, Long> reduce(Collection<ValueCollector> collectors) {
        Map<String, Long> merged = new HashMap<>();
        for (ValueCollector collector : collectors) {
            collector.counts.forEach((value, count) -> merged.merge(value, count, Long::sum));
        }
        return merged;
    }

    /** Per-slice counts. */
    final class ValueCollector implements Collector {
        private final Map<String, Long> counts = new HashMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues values = DocValues.getSortedSet(context.reader(), docValuesField);
            long valueCount = values.getValueCount();
            boolean dense = valueCount <= DENSE_LIMIT;
            int[] ordCounts = dense ? new int[(int) valueCount] : null;
            Map<Long, int[]> sparse = dense ? null : new HashMap<>();
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (!values.advanceExact(doc)) {
                        return;
                    }
                    for (int i = 0, n = values.docValueCount(); i < n; i++) {
                        long ord = values.nextOrd();
                        if (dense) {
                            ordCounts[(int) ord]++;
                        } else {
                            sparse.computeIfAbsent(ord, o -> new int[1])[0]++;
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    if (dense) {
                        for (int ord = 0; ord < ordCounts.length; ord++) {
                            if (ordCounts[ord] > 0) {
                                counts.merge(values.lookupOrd(ord).utf8ToString(), (long) ordCounts[ord], Long::sum);
                            }
                        }
                    } else {
                        for (Map.Entry<Long, int[]> entry : sparse.entrySet()) {
                            counts.merge(values.lookupOrd(entry.getKey()).utf8ToString(), (long) entry.getValue()[0], Long::sum);
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
