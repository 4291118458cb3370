package dev.vigil.store;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-tenant HNSW alert vector index, on real Lucene indexes on disk. */
class AlertVectorStoreTest {

    private static final TenantId A = TenantId.of("tenant-a");
    private static final TenantId B = TenantId.of("tenant-b");

    @TempDir
    Path root;

    /** A unit vector in 8 dimensions pointing mostly along axis {@code axis}, tilted towards axis 7 by {@code tilt}. */
    private static float[] unit(int axis, double tilt) {
        float[] v = new float[8];
        v[axis] = (float) Math.cos(tilt);
        v[7] += (float) Math.sin(tilt);
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(n);
        }
        return v;
    }

    @Test
    void aTenantNeverGetsAnotherTenantsAlertsEvenWhenTheirVectorsAreNearer() throws Exception {
        float[] query = unit(0, 0.5);
        try (AlertVectorStore store = new AlertVectorStore(root, 8)) {
            store.putAll(A, Map.of("A-SAME", unit(0, 0.5), "A-NEAR", unit(0, 0.55)));
            store.putAll(B, Map.of("B-FAR", unit(1, 0.3), "B-FARTHER", unit(2, 0.1)));
            List<VectorNeighbour> forB = store.nearest(B, query, 10, Set.of());
            assertEquals(List.of("B-FAR", "B-FARTHER"), forB.stream().map(VectorNeighbour::alertId).toList());
            List<VectorNeighbour> forA = store.nearest(A, query, 10, Set.of());
            assertEquals(List.of("A-SAME", "A-NEAR"), forA.stream().map(VectorNeighbour::alertId).toList());
            assertEquals(1.0, forA.getFirst().similarity(), 1e-5, "similarity is the cosine");
            assertEquals(0, store.count(TenantId.of("tenant-c")));
            assertEquals(List.of(), store.nearest(TenantId.of("tenant-c"), query, 10, Set.of()));
        }
        assertTrue(Files.isDirectory(root.resolve("tenant-a").resolve(AlertVectorStore.DIRECTORY)));
        assertTrue(Files.isDirectory(root.resolve("tenant-b").resolve(AlertVectorStore.DIRECTORY)));
    }

    @Test
    void nearestComesFirstAndExcludedAlertsAreLeftOut() throws Exception {
        try (AlertVectorStore store = new AlertVectorStore(root, 8)) {
            store.putAll(A, Map.of("SELF", unit(3, 0), "CLOSE", unit(3, 0.2), "MIDDLE", unit(3, 0.6), "AWAY", unit(4, 0)));
            List<VectorNeighbour> found = store.nearest(A, unit(3, 0), 3, Set.of("SELF"));
            assertEquals(List.of("CLOSE", "MIDDLE", "AWAY"), found.stream().map(VectorNeighbour::alertId).toList());
            assertEquals(Math.cos(0.2), found.getFirst().similarity(), 1e-4);
        }
    }

    @Test
    void vectorsSurviveARestart() throws Exception {
        float[] vector = unit(5, 0.3);
        try (AlertVectorStore store = new AlertVectorStore(root, 8)) {
            store.put(A, "A-1", vector);
        }
        try (AlertVectorStore reopened = new AlertVectorStore(root, 8)) {
            assertEquals(1, reopened.count(A));
            assertArrayEquals(vector, reopened.vector(A, "A-1").orElseThrow());
            assertEquals("A-1", reopened.nearest(A, vector, 1, Set.of()).getFirst().alertId());
            assertTrue(reopened.vector(B, "A-1").isEmpty(), "another tenant cannot read it by id either");
        }
    }

    @Test
    void aSecondPutOfTheSameAlertReplacesItsVector() throws Exception {
        try (AlertVectorStore store = new AlertVectorStore(root, 8)) {
            store.put(A, "A-1", unit(0, 0));
            store.put(A, "A-1", unit(6, 0));
            assertEquals(1, store.count(A));
            assertArrayEquals(unit(6, 0), store.vector(A, "A-1").orElseThrow());
        }
    }

    @Test
    void refusesVectorsOfTheWrongShapeAndBadK() throws Exception {
        try (AlertVectorStore store = new AlertVectorStore(root, 8)) {
            IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> store.put(A, "A-1", new float[4]));
            assertTrue(length.getMessage().contains("has 8 values"), length.getMessage());
            float[] notUnit = unit(0, 0);
            notUnit[0] = 2;
            IllegalArgumentException norm = assertThrows(IllegalArgumentException.class, () -> store.put(A, "A-1", notUnit));
            assertTrue(norm.getMessage().contains("unit length"), norm.getMessage());
            IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> store.nearest(A, unit(0, 0), 0, Set.of()));
            assertTrue(k.getMessage().contains("k must be between 1"), k.getMessage());
        }
    }
}
