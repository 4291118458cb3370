package dev.vigil.store;

import java.util.Objects;

/**
 * One alert found near a query vector.
 *
 * @param alertId    the alert
 * @param similarity cosine similarity of its vector to the query, in [-1, 1]
 */
public record VectorNeighbour(String alertId, double similarity) {

    public VectorNeighbour {
        Objects.requireNonNull(alertId, "alertId");
    }
}
