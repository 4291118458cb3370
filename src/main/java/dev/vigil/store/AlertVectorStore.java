package dev.vigil.store;

import dev.vigil.tenancy.TenantId;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alert embeddings for similar-alert retrieval: one Lucene index per tenant under
 * {@code <root>/<tenant>/alert-vectors/} (beside the tenant's day indexes, which the event store ignores), each
 * document an alert id, its tenant and its unit-length vector in an HNSW graph (dot product, which for unit vectors
 * is the cosine).
 *
 * <p>Guarantees: every read and write takes a {@link TenantId}, opens only that tenant's index and, on top, filters
 * every kNN search on the tenant field, so no result can be another tenant's alert however near its vector is; an
 * alert id holds one vector (a second put replaces it); a put is durable (committed) and searchable when it returns,
 * so vectors survive a restart; a vector of the wrong length, not finite or not of unit length is refused, naming
 * the problem. Safe for concurrent use.
 */
public final class AlertVectorStore implements Closeable {

    /** Name of each tenant's vector index directory. */
    public static final String DIRECTORY = "alert-vectors";
    /** The most neighbours one search may ask for. */
    public static final int MAX_K = 1000;
    static final String VECTOR = "@vector";
    private static final String VECTOR_BYTES = "@vector.stored";

    private final Path root;
    private final int dimensions;
    private final Map<TenantId, TenantVectors> open = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private volatile boolean closed;

    /** A store under {@code root} (the event store's root) for vectors of {@code dimensions} values. */
    public AlertVectorStore(Path root, int dimensions) {
        if (dimensions < 1 || dimensions > 4096) {
            throw new IllegalArgumentException("vector dimensions must be between 1 and 4096, was " + dimensions);
        }
        this.root = root;
        this.dimensions = dimensions;
    }

    /** Stores (or replaces) the vectors of the tenant's alerts, durably, in one commit. */
    public void putAll(TenantId tenant, Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        vectors.values().forEach(this::check);
        try {
            TenantVectors index = index(tenant, true);
            for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                index.writer.updateDocument(new Term(StoreFields.ID, e.getKey()), document(tenant, e.getKey(), e.getValue()));
            }
            index.writer.commit();
            index.searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store alert vectors of tenant " + tenant + ": " + e.getMessage(), e);
        }
    }

    /** Stores (or replaces) the vector of one of the tenant's alerts, durably. */
    public void put(TenantId tenant, String alertId, float[] vector) {
        putAll(tenant, Map.of(alertId, vector));
    }

    /** The stored vector of the tenant's alert, if any. */
    public Optional<float[]> vector(TenantId tenant, String alertId) {
        return withSearcher(tenant, Optional.empty(), searcher -> {
            Query byId = new Query(tenant, new TermQuery(new Term(StoreFields.ID, alertId)));
            TopDocs top = searcher.search(byId.build(), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            BytesRef bytes = searcher.storedFields().document(top.scoreDocs[0].doc).getBinaryValue(VECTOR_BYTES);
            float[] vector = new float[dimensions];
            ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).asFloatBuffer().get(vector);
            return Optional.of(vector);
        });
    }

    /**
     * The tenant's {@code k} alerts whose vectors are nearest the query, nearest first, leaving out {@code excluded}
     * alert ids (e.g. the alert the query came from).
     */
    public List<VectorNeighbour> nearest(TenantId tenant, float[] query, int k, Set<String> excluded) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", was " + k);
        }
        check(query);
        return withSearcher(tenant, List.of(), searcher -> {
            Query filter = new Query(tenant, null);
            excluded.forEach(filter::exclude);
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, query, k, filter.build()), k);
            var stored = searcher.storedFields();
            List<VectorNeighbour> found = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                // Lucene scores a dot product d of unit vectors as (1 + d) / 2
                found.add(new VectorNeighbour(stored.document(hit.doc).get(StoreFields.ID), 2.0 * hit.score - 1.0));
            }
            return found;
        });
    }

    /** How many alert vectors the tenant has. */
    public int count(TenantId tenant) {
        return withSearcher(tenant, 0, searcher -> searcher.count(new Query(tenant, null).build()));
    }

    @Override
    public void close() throws IOException {
        synchronized (lifecycle) {
            closed = true;
            IOException failure = null;
            for (TenantVectors index : open.values()) {
                try {
                    index.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            open.clear();
            if (failure != null) {
                throw failure;
            }
        }
    }

    private Document document(TenantId tenant, String alertId, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(StoreFields.TENANT, tenant.value(), Field.Store.NO));
        doc.add(new StringField(StoreFields.ID, alertId, Field.Store.YES));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
        bytes.asFloatBuffer().put(vector);
        doc.add(new StoredField(VECTOR_BYTES, bytes.array()));
        return doc;
    }

    private void check(float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("an alert vector has " + dimensions + " values, this one " + vector.length);
        }
        double norm = 0;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("an alert vector holds only finite values, this one " + v);
            }
            norm += (double) v * v;
        }
        if (Math.abs(norm - 1.0) > 1e-3) {
            throw new IllegalArgumentException("an alert vector has unit length, this one " + Math.sqrt(norm));
        }
    }

    private <T> T withSearcher(TenantId tenant, T whenAbsent, SearcherWork<T> work) {
        try {
            TenantVectors index = index(tenant, false);
            if (index == null) {
                return whenAbsent;
            }
            IndexSearcher searcher = index.searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                index.searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alert vectors of tenant " + tenant + ": " + e.getMessage(), e);
        }
    }

    private TenantVectors index(TenantId tenant, boolean create) throws IOException {
        TenantVectors index = open.get(tenant);
        if (index != null) {
            return index;
        }
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the alert vector store at " + root + " is closed");
            }
            index = open.get(tenant);
            if (index != null) {
                return index;
            }
            Path path = root.resolve(tenant.value()).resolve(DIRECTORY);
            if (!create && !Files.isDirectory(path)) {
                return null;
            }
            index = TenantVectors.open(path);
            open.put(tenant, index);
            return index;
        }
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** The tenant filter every query starts from, with optional extra clauses. */
    private static final class Query {
        private final BooleanQuery.Builder builder = new BooleanQuery.Builder();

        Query(TenantId tenant, org.apache.lucene.search.Query also) {
            builder.add(new TermQuery(new Term(StoreFields.TENANT, tenant.value())), Occur.FILTER);
            if (also != null) {
                builder.add(also, Occur.FILTER);
            }
        }

        void exclude(String alertId) {
            builder.add(new TermQuery(new Term(StoreFields.ID, alertId)), Occur.MUST_NOT);
        }

        org.apache.lucene.search.Query build() {
            return builder.build();
        }
    }

    /** One tenant's index: its writer and searchers. */
    private record TenantVectors(Directory directory, IndexWriter writer, SearcherManager searchers) implements Closeable {

        static TenantVectors open(Path path) throws IOException {
            Files.createDirectories(path);
            Directory directory = FSDirectory.open(path);
            try {
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
                        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setCommitOnClose(true));
                try {
                    return new TenantVectors(directory, writer, new SearcherManager(writer, null));
                } catch (IOException | RuntimeException e) {
                    writer.rollback();
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try (directory; writer) {
                searchers.close();
            }
        }
    }
}
