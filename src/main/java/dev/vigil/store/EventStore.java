package dev.vigil.store;

import dev.vigil.event.EventIds;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The event store: one Lucene index per tenant per UTC day under {@code <root>/<tenant>/<yyyy-MM-dd>/}, sorted newest
 * first, searchable within one second of {@link #add}, durable at {@link #commit}, and the only code in Vigil that
 * opens Lucene writers, readers and searchers.
 *
 * <p>Durability and exactly-once: the pipeline adds events (in batches, possibly from several threads) and
 * periodically calls {@link #commit(long)} once every event up to a sequence has been added. Each day index records in
 * its Lucene commit the highest sequence it durably holds, and {@link #add} skips an event at or below that which the
 * index holds (a replay after a crash); one it lacks is added, however the adds before the crash were ordered. The
 * store checkpoint ({@link #durableSequence()}) is written only after every changed index committed, so replaying the
 * spool from {@code durableSequence() + 1} after any crash leaves every event in the store exactly once.
 *
 * <p>Tenancy: every read takes a {@link TenantId}, opens only that tenant's indexes and also filters every query on
 * the tenant field, so no result, count or aggregation can include another tenant's events.
 *
 * <p>Threads: {@link #add} may be called from several threads at once (documents are built and added in parallel);
 * {@link #commit}, {@link #applyRetention} and {@link #close} wait for adds in progress and exclude new ones. Writers
 * may run alongside any
 * number of reader threads. A background thread refreshes readers every {@link StoreSettings#refreshInterval()}.
 */
public final class EventStore implements Closeable {

    private static final System.Logger LOG = System.getLogger(EventStore.class.getName());
    private static final Pattern DAY_DIRECTORY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final StoreSettings settings;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final EventQueryParser parser = new EventQueryParser(analyzer);
    private final FieldsJson json = new FieldsJson();
    private final EventDocumentBuilder documents;
    private final StoredEventDecoder decoder = new StoredEventDecoder(json);
    private final StoreCheckpoint checkpoint;
    private final ConcurrentMap<DayIndexId, DayIndex> indexes = new ConcurrentHashMap<>();
    /** Serialises opening, dropping and closing indexes. */
    private final Object lifecycle = new Object();
    /** Serialises writes (add, commit, retention) in case more than one thread writes. */
    private final Object writes = new Object();
    /** Adds share this lock and run in parallel; commit, retention and close take it exclusively. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock adding = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final ScheduledExecutorService refresher;
    private volatile long durableSequence;
    private volatile boolean closed;

    /** Opens (creating if needed) the store under {@code settings.root()} and starts the refresh thread. */
    public EventStore(StoreSettings settings) {
        this.settings = settings;
        this.documents = new EventDocumentBuilder(settings.maxDocValueLength(), json);
        this.checkpoint = new StoreCheckpoint(settings.root());
        try {
            Files.createDirectories(settings.root());
            this.durableSequence = checkpoint.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open event store at " + settings.root() + ": " + e.getMessage(), e);
        }
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigil-store-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- writes

    /**
     * Adds an event to its tenant-day index (created on demand). An event whose spool sequence is already durably in
     * that index is skipped, so replaying the spool after a crash is harmless; sequence 0 is always added.
     */
    public void add(NormalizedEvent event) {
        adding.readLock().lock();
        try {
            ensureOpen();
            DayIndexId id = DayIndexId.of(event.tenant(), event.timestamp());
            try {
                DayIndex index = openIndex(id, true);
                if (!index.isReplay(event.sequence())) {
                    index.add(documents.build(event), event.sequence());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot add event " + event.id() + " to index " + id + ": " + e.getMessage(), e);
            }
        } finally {
            adding.readLock().unlock();
        }
    }

    /**
     * Commits every index changed since its last commit, recording {@code sequenceThrough}, then durably writes the
     * store checkpoint. The caller promises that every event up to {@code sequenceThrough} has been added. Every event
     * added before the call is searchable when it returns.
     */
    public void commit(long sequenceThrough) {
        adding.writeLock().lock();
        try {
            commitExclusively(sequenceThrough);
        } finally {
            adding.writeLock().unlock();
        }
    }

    private void commitExclusively(long sequenceThrough) {
        synchronized (writes) {
            ensureOpen();
            if (sequenceThrough < durableSequence) {
                throw new IllegalArgumentException("cannot commit through sequence " + sequenceThrough
                        + ": the store is already durable through " + durableSequence);
            }
            commitIndexes(sequenceThrough);
            try {
                checkpoint.write(sequenceThrough);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write store checkpoint " + sequenceThrough + ": " + e.getMessage(), e);
            }
            durableSequence = sequenceThrough;
        }
    }

    /** Commits the changed indexes without moving the checkpoint: the first half of {@link #commit}. */
    void commitIndexes(long sequenceThrough) {
        synchronized (writes) {
            for (DayIndex index : indexes.values()) {
                if (index.dirty()) {
                    try {
                        index.commit(sequenceThrough);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot commit index " + index.id() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    /** The spool sequence through which every event is durably stored (the last checkpoint); 0 when none. */
    public long durableSequence() {
        return durableSequence;
    }

    /**
     * Drops, for every tenant, each day index whose whole day ended at least {@code days} days before {@code now}:
     * the index is closed and its directory deleted.
     *
     * @return the indexes dropped, in tenant then day order
     */
    public List<DayIndexId> applyRetention(int days, Instant now) {
        adding.writeLock().lock();
        try {
            return applyRetentionExclusively(days, now);
        } finally {
            adding.writeLock().unlock();
        }
    }

    private List<DayIndexId> applyRetentionExclusively(int days, Instant now) {
        if (days < 1) {
            throw new IllegalArgumentException("retention must be at least 1 day, was " + days);
        }
        Instant cutoff = now.minus(Duration.ofDays(days));
        List<DayIndexId> dropped = new ArrayList<>();
        synchronized (writes) {
            synchronized (lifecycle) {
                ensureOpen();
                try {
                    for (TenantId tenant : tenants()) {
                        for (DayIndexId id : days(tenant)) {
                            if (!id.end().isAfter(cutoff)) {
                                drop(id);
                                dropped.add(id);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("retention stopped after dropping " + dropped + ": " + e.getMessage(), e);
                }
            }
        }
        dropped.sort(Comparator.naturalOrder());
        return List.copyOf(dropped);
    }

    // ---------------------------------------------------------------- reads

    /**
     * One page of the tenant's events matching the query, newest first.
     *
     * @throws QuerySyntaxException when the query text cannot be read
     * @throws IllegalArgumentException when offset or limit is negative or {@code offset + limit} exceeds
     *                                  {@link StoreSettings#maxResultWindow()}
     */
    public SearchPage search(TenantId tenant, EventQuery query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative, were " + offset + " and " + limit);
        }
        if ((long) offset + limit > settings.maxResultWindow()) {
            throw new IllegalArgumentException("cannot page beyond " + settings.maxResultWindow()
                    + " results (offset " + offset + " + limit " + limit + "); narrow the query or time range");
        }
        Query lucene = luceneQuery(tenant, query);
        try (ReaderLease lease = lease(tenant, query.since(), query.until())) {
            long[] counts = new long[lease.searchers().size()];
            long total = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = lease.searchers().get(i).count(lucene);
                total += counts[i];
            }
            List<StoredEvent> events = new ArrayList<>(Math.min(limit, 1024));
            long skip = offset;
            for (int i = 0; i < counts.length && events.size() < limit; i++) {
                if (skip >= counts[i]) {
                    skip -= counts[i];
                    continue;
                }
                IndexSearcher searcher = lease.searchers().get(i);
                int wanted = (int) skip + limit - events.size();
                TopDocs top = searcher.search(lucene, new TopFieldCollectorManager(DayIndex.SORT, wanted, null, wanted));
                var stored = searcher.storedFields();
                ScoreDoc[] hits = top.scoreDocs;
                for (int h = (int) skip; h < hits.length && events.size() < limit; h++) {
                    events.add(decoder.decode(stored, hits[h].doc, tenant));
                }
                skip = 0;
            }
            return new SearchPage(total, events);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed for tenant " + tenant + ": " + e.getMessage(), e);
        }
    }

    /** How many of the tenant's events match the query. */
    public long count(TenantId tenant, EventQuery query) {
        Query lucene = luceneQuery(tenant, query);
        try (ReaderLease lease = lease(tenant, query.since(), query.until())) {
            long total = 0;
            for (IndexSearcher searcher : lease.searchers()) {
                total += searcher.count(lucene);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("count failed for tenant " + tenant + ": " + e.getMessage(), e);
        }
    }

    /**
     * Matching events per time bucket. With a bounded range the buckets cover it; otherwise they span the first to the
     * last matching event.
     *
     * @throws IllegalArgumentException when the bucket is shorter than 1 ms or the range needs more than
     *                                  {@link StoreSettings#maxHistogramBuckets()} buckets
     */
    public Histogram histogram(TenantId tenant, EventQuery query, Duration bucket) {
        long bucketMillis = bucket.toMillis();
        if (bucketMillis < 1) {
            throw new IllegalArgumentException("histogram bucket must be at least 1 ms, was " + bucket);
        }
        Long first = query.since() == null ? null : Math.floorDiv(query.since().toEpochMilli(), bucketMillis);
        Long last = query.until() == null ? null : Math.floorDiv(query.until().toEpochMilli() - 1, bucketMillis);
        if (first != null && last != null) {
            checkBucketCount(last - first + 1, bucket);
        }
        Query lucene = luceneQuery(tenant, query);
        Map<Long, Long> counts = new java.util.HashMap<>();
        try (ReaderLease lease = lease(tenant, query.since(), query.until())) {
            for (IndexSearcher searcher : lease.searchers()) {
                searcher.search(lucene, new HistogramCounter(bucketMillis)).forEach((k, v) -> counts.merge(k, v, Long::sum));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("histogram failed for tenant " + tenant + ": " + e.getMessage(), e);
        }
        if (first == null || last == null) {
            if (counts.isEmpty()) {
                return new Histogram(bucket, List.of());
            }
            first = first != null ? first : counts.keySet().stream().min(Long::compare).orElseThrow();
            last = last != null ? last : counts.keySet().stream().max(Long::compare).orElseThrow();
            checkBucketCount(last - first + 1, bucket);
        }
        List<Histogram.Bucket> buckets = new ArrayList<>((int) (last - first + 1));
        for (long k = first; k <= last; k++) {
            buckets.add(new Histogram.Bucket(Instant.ofEpochMilli(k * bucketMillis), counts.getOrDefault(k, 0L)));
        }
        return new Histogram(bucket, buckets);
    }

    /**
     * The most frequent values of a field among the tenant's matching events, most frequent first (ties by value).
     * Works for normalised fields and the store's keyword fields ({@code @connector}, {@code @logsource.product}, ...).
     */
    public List<TermCount> topValues(TenantId tenant, EventQuery query, String field, int size) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("topValues needs a field name");
        }
        if (size < 1) {
            throw new IllegalArgumentException("topValues size must be at least 1, was " + size);
        }
        Query lucene = luceneQuery(tenant, query);
        Map<String, Long> counts = new java.util.HashMap<>();
        try (ReaderLease lease = lease(tenant, query.since(), query.until())) {
            for (IndexSearcher searcher : lease.searchers()) {
                searcher.search(lucene, new TopValuesCounter(StoreFields.docValuesField(field)))
                        .forEach((k, v) -> counts.merge(k, v, Long::sum));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("topValues failed for tenant " + tenant + ": " + e.getMessage(), e);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(size)
                .map(entry -> new TermCount(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** The tenant's event with this id (newest first if several share it), or empty. */
    public Optional<StoredEvent> get(TenantId tenant, String eventId) {
        EventIds.parse(eventId);
        Query lucene = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(StoreFields.TENANT, tenant.value())), Occur.FILTER)
                .add(new TermQuery(new Term(StoreFields.ID, eventId)), Occur.FILTER)
                .build();
        try (ReaderLease lease = lease(tenant, null, null)) {
            for (IndexSearcher searcher : lease.searchers()) {
                TopDocs top = searcher.search(lucene, new TopFieldCollectorManager(DayIndex.SORT, 1, null, 1));
                if (top.scoreDocs.length > 0) {
                    return Optional.of(decoder.decode(searcher.storedFields(), top.scoreDocs[0].doc, tenant));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("get failed for tenant " + tenant + ": " + e.getMessage(), e);
        }
    }

    /** Documents, day indexes and disk use of one tenant. */
    public StoreStats stats(TenantId tenant) {
        try (ReaderLease lease = lease(tenant, null, null)) {
            long documents = 0;
            long bytes = 0;
            for (int i = 0; i < lease.searchers().size(); i++) {
                documents += lease.searchers().get(i).getIndexReader().numDocs();
                bytes += lease.indexes().get(i).bytesOnDisk();
            }
            List<DayIndexId> ids = lease.indexes().stream().map(DayIndex::id).toList();
            return new StoreStats(tenant, documents, ids.size(), bytes,
                    ids.isEmpty() ? null : ids.getLast().day(), ids.isEmpty() ? null : ids.getFirst().day());
        } catch (IOException e) {
            throw new UncheckedIOException("stats failed for tenant " + tenant + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Stops refreshing and closes every index. Indexes with uncommitted events are first committed, each recording
     * the highest sequence it holds; the store checkpoint is not moved, so a replay from {@link #durableSequence()} + 1
     * skips the events these indexes hold and adds any they lack (adds need not have been in sequence order).
     */
    @Override
    public void close() throws IOException {
        adding.writeLock().lock();
        try {
            closeExclusively();
        } finally {
            adding.writeLock().unlock();
        }
    }

    private void closeExclusively() throws IOException {
        synchronized (writes) {
            synchronized (lifecycle) {
                if (closed) {
                    return;
                }
                closed = true;
                stopRefresher();
                IOException failure = null;
                for (DayIndex index : indexes.values()) {
                    try (index) {
                        if (index.dirty()) {
                            index.commit(index.committedSequence());
                        }
                    } catch (IOException e) {
                        failure = addSuppressed(failure, e);
                    }
                }
                indexes.clear();
                analyzer.close();
                if (failure != null) {
                    throw failure;
                }
            }
        }
    }

    /** Closes every index without committing anything, as {@code kill -9} would leave the disk: a test hook. */
    void crash() throws IOException {
        synchronized (writes) {
            synchronized (lifecycle) {
                closed = true;
                stopRefresher();
                for (DayIndex index : indexes.values()) {
                    index.close();
                }
                indexes.clear();
            }
        }
    }

    // ---------------------------------------------------------------- internals

    private Query luceneQuery(TenantId tenant, EventQuery query) {
        Query parsed = parser.parse(query.queryText());
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(StoreFields.TENANT, tenant.value())), Occur.FILTER);
        if (!(parsed instanceof MatchAllDocsQuery)) {
            builder.add(parsed, Occur.FILTER);
        }
        if (query.since() != null || query.until() != null) {
            long from = query.since() == null ? Long.MIN_VALUE : query.since().toEpochMilli();
            long to = query.until() == null ? Long.MAX_VALUE : query.until().toEpochMilli() - 1;
            builder.add(LongPoint.newRangeQuery(StoreFields.TIMESTAMP, from, to), Occur.FILTER);
        }
        return builder.build();
    }

    /** Readers of the tenant's day indexes overlapping {@code [since, until)}, newest day first. */
    private ReaderLease lease(TenantId tenant, Instant since, Instant until) throws IOException {
        ensureOpen();
        List<DayIndexId> ids = days(tenant);
        List<DayIndex> open = new ArrayList<>();
        List<DirectoryReader> readers = new ArrayList<>();
        try {
            for (DayIndexId id : ids.reversed()) {
                if ((since != null && !id.end().isAfter(since)) || (until != null && !id.start().isBefore(until))) {
                    continue;
                }
                DayIndex index = openIndex(id, false);
                if (index == null) {
                    continue;
                }
                try {
                    readers.add(index.acquire());
                    open.add(index);
                } catch (AlreadyClosedException droppedMeanwhile) {
                    // retention dropped this day while we were collecting readers
                }
            }
        } catch (IOException | RuntimeException e) {
            new ReaderLease(open, readers).close();
            throw e;
        }
        return new ReaderLease(open, readers);
    }

    /** The open index, opening it if needed; with {@code create} false, null when the directory does not exist. */
    private DayIndex openIndex(DayIndexId id, boolean create) throws IOException {
        DayIndex index = indexes.get(id);
        if (index != null) {
            return index;
        }
        synchronized (lifecycle) {
            ensureOpen();
            index = indexes.get(id);
            if (index != null) {
                return index;
            }
            Path directory = id.directory(settings.root());
            if (!create && !Files.isDirectory(directory)) {
                return null;
            }
            index = DayIndex.open(id, directory, analyzer, settings.writerBufferMb());
            indexes.put(id, index);
            return index;
        }
    }

    private void drop(DayIndexId id) throws IOException {
        DayIndex index = indexes.remove(id);
        if (index != null) {
            index.close();
        }
        deleteRecursively(id.directory(settings.root()));
    }

    /** Tenants with a directory under the root, in order. */
    private List<TenantId> tenants() throws IOException {
        List<TenantId> tenants = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(settings.root(), Files::isDirectory)) {
            for (Path entry : entries) {
                try {
                    tenants.add(TenantId.of(entry.getFileName().toString()));
                } catch (IllegalArgumentException notATenant) {
                    // a directory the store did not create; leave it alone
                }
            }
        }
        tenants.sort(Comparator.naturalOrder());
        return tenants;
    }

    /** The tenant's day indexes on disk, oldest first. */
    private List<DayIndexId> days(TenantId tenant) throws IOException {
        Path tenantDirectory = settings.root().resolve(tenant.value());
        if (!Files.isDirectory(tenantDirectory)) {
            return List.of();
        }
        List<DayIndexId> days = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tenantDirectory, Files::isDirectory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (DAY_DIRECTORY.matcher(name).matches()) {
                    try {
                        days.add(new DayIndexId(tenant, LocalDate.parse(name)));
                    } catch (DateTimeParseException notADay) {
                        // e.g. 2024-13-45: not ours
                    }
                }
            }
        }
        days.sort(Comparator.naturalOrder());
        return days;
    }

    private void refreshAll() {
        for (DayIndex index : indexes.values()) {
            try {
                index.refresh();
            } catch (AlreadyClosedException droppedMeanwhile) {
                // closed by retention or shutdown between listing and refreshing
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot refresh index " + index.id(), e);
            }
        }
    }

    private void stopRefresher() {
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("event store at " + settings.root() + " is closed");
        }
    }

    private void checkBucketCount(long buckets, Duration bucket) {
        if (buckets > settings.maxHistogramBuckets()) {
            throw new IllegalArgumentException("histogram would need " + buckets + " buckets of " + bucket
                    + ", more than the limit of " + settings.maxHistogramBuckets() + "; use longer buckets or a shorter range");
        }
    }

    private static IOException addSuppressed(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Acquired readers of some day indexes, newest day first; closing gives them back. */
    private record ReaderLease(List<DayIndex> indexes, List<DirectoryReader> readers,
                               List<IndexSearcher> searchers) implements Closeable {

        ReaderLease(List<DayIndex> indexes, List<DirectoryReader> readers) {
            this(indexes, readers, readers.stream().map(IndexSearcher::new).toList());
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (int i = 0; i < readers.size(); i++) {
                try {
                    indexes.get(i).release(readers.get(i));
                } catch (IOException e) {
                    failure = addSuppressed(failure, e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
