package dev.vigil.store;

import dev.vigil.event.NormalizedEvent;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark baseline: the same documents the store would write, added to one plain Lucene index with the same
 * writer settings (index sort, RAM buffer), then committed. No spool, no parsing, no day partitioning, no HTTP.
 */
public final class LuceneBaseline {

    private LuceneBaseline() {
    }

    /** Indexes the events and returns the elapsed nanoseconds (document building included, as the store pays it). */
    public static long index(List<NormalizedEvent> events, Path directory) throws Exception {
        StoreSettings defaults = StoreSettings.defaults(directory);
        EventDocumentBuilder builder = new EventDocumentBuilder(defaults.maxDocValueLength(), new FieldsJson());
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
                .setIndexSort(DayIndex.SORT)
                .setRAMBufferSizeMB(defaults.writerBufferMb());
        long start = System.nanoTime();
        try (FSDirectory dir = FSDirectory.open(directory); IndexWriter writer = new IndexWriter(dir, config)) {
            for (NormalizedEvent e : events) {
                Document doc = builder.build(e);
                writer.addDocument(doc);
            }
            writer.commit();
        }
        return System.nanoTime() - start;
    }
}
