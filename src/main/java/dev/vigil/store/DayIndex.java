package dev.vigil.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.ReaderManager;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One tenant-day index: its writer, its near-real-time readers and the spool sequence it has durably committed.
 *
 * <p>Readers come from a {@link ReaderManager} opened on the writer (NRT): the store composes one reader per day
 * index into each request, so it needs readers rather than ready-made searchers, and {@code maybeRefresh} from the
 * store's refresh thread publishes new documents without a commit. Sorted newest first ({@link #SORT}), so
 * newest-first searches stop early.
 *
 * <p>Guarantees: {@link #committedSequence()} is the sequence recorded in the index's latest Lucene commit (0 if
 * none); closing never commits (uncommitted documents are dropped, as a crash would). {@link #isReplay} is exact: an
 * event at or below the committed sequence counts as a replay only if a document with its sequence is in the index,
 * so an event that never arrived (a parallel worker failed while a later event of the same index was added) is
 * still added when the spool is replayed. Readers always see every committed document. Adds may come from several
 * threads; commit must exclude them. Acquire/release and refresh are safe from any thread.
 */
final class DayIndex implements Closeable {

    /** Index sort and result order: newest first, ties broken by spool sequence, newest first. */
    static final Sort SORT = new Sort(
            new SortField(StoreFields.TIMESTAMP, SortField.Type.LONG, true),
            new SortField(StoreFields.SEQUENCE, SortField.Type.LONG, true));

    /** Commit user-data key holding the highest spool sequence durably in this index. */
    static final String SEQUENCE_KEY = "vigil.sequence";

    private final DayIndexId id;
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final ReaderManager readers;
    private volatile long committedSequence;
    /** False for an index committed before sequences were indexed as points: replays then trust sequence order. */
    private final boolean sequencesIndexed;
    private long highestAdded;
    private boolean dirty;

    private DayIndex(DayIndexId id, Path path, Directory directory, IndexWriter writer, long committedSequence)
            throws IOException {
        this.id = id;
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.readers = new ReaderManager(writer, true, false);
        this.committedSequence = committedSequence;
        try {
            this.sequencesIndexed = holdsSequencePoints(readers);
        } catch (IOException | RuntimeException e) {
            readers.close();
            throw e;
        }
    }

    /** True unless the index holds documents written before sequences were indexed as points. */
    private static boolean holdsSequencePoints(ReaderManager readers) throws IOException {
        DirectoryReader reader = readers.acquire();
        try {
            return reader.numDocs() == 0
                    || FieldInfos.getMergedFieldInfos(reader).fieldInfo(StoreFields.SEQUENCE_POINT) != null;
        } finally {
            readers.release(reader);
        }
    }

    /** Opens the index in {@code path}, creating it when absent. */
    static DayIndex open(DayIndexId id, Path path, Analyzer analyzer, double bufferMb) throws IOException {
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        try {
            long committed = 0;
            if (DirectoryReader.indexExists(directory)) {
                String recorded = SegmentInfos.readLatestCommit(directory).getUserData().get(SEQUENCE_KEY);
                committed = recorded == null ? 0 : Long.parseLong(recorded);
            }
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setIndexSort(SORT)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(bufferMb);
            IndexWriter writer = new IndexWriter(directory, config);
            try {
                return new DayIndex(id, path, directory, writer, committed);
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    DayIndexId id() {
        return id;
    }

    /**
     * True when the event with this spool sequence is already durably in this index, so adding it again would be a
     * duplicate (a replay after a crash). Sequence 0 (never spooled) is never a replay. Costs a point lookup only for
     * sequences at or below the committed one, i.e. while the spool is being replayed.
     */
    boolean isReplay(long sequence) throws IOException {
        if (sequence == 0 || sequence > committedSequence) {
            return false;
        }
        if (!sequencesIndexed) {
            return true;
        }
        DirectoryReader reader = readers.acquire();
        try {
            return new IndexSearcher(reader).count(LongPoint.newExactQuery(StoreFields.SEQUENCE_POINT, sequence)) > 0;
        } finally {
            readers.release(reader);
        }
    }

    /** Adds the document of the event with this spool sequence; callers check {@link #isReplay} first. */
    void add(Document document, long sequence) throws IOException {
        writer.addDocument(document);
        synchronized (this) {
            highestAdded = Math.max(highestAdded, sequence);
            dirty = true;
        }
    }

    /** True when documents were added since the last commit. */
    boolean dirty() {
        return dirty;
    }

    /**
     * Commits, recording {@code sequenceThrough}, or the highest added sequence when that is larger, as the index's
     * committed sequence. Events at or below it are replays only if the index holds them ({@link #isReplay}), so
     * recording past a gap (events added out of order, some never) loses nothing.
     * Committed documents are searchable when this returns.
     */
    void commit(long sequenceThrough) throws IOException {
        long recorded = Math.max(Math.max(sequenceThrough, highestAdded), committedSequence);
        writer.setLiveCommitData(Map.of(SEQUENCE_KEY, Long.toString(recorded)).entrySet());
        writer.commit();
        readers.maybeRefreshBlocking(); // before raising committedSequence: isReplay must see what the commit holds
        committedSequence = recorded;
        dirty = false;
    }

    long committedSequence() {
        return committedSequence;
    }

    /** Makes documents added so far visible to readers acquired afterwards. */
    void refresh() throws IOException {
        readers.maybeRefresh();
    }

    /** A reader of the latest refreshed state; give it back with {@link #release}. */
    DirectoryReader acquire() throws IOException {
        return readers.acquire();
    }

    void release(DirectoryReader reader) throws IOException {
        readers.release(reader);
    }

    /** Size of the index files on disk. */
    long bytesOnDisk() throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                try {
                    total += Files.size(file);
                } catch (NoSuchFileException deletedByMerge) {
                    // Lucene removed the file between listing and sizing it.
                }
            }
        }
        return total;
    }

    /** Closes without committing: documents added since the last commit are dropped. */
    @Override
    public void close() throws IOException {
        try (directory; writer) {
            readers.close();
        }
    }
}
