package dev.vigil.store;

import java.time.Instant;

/**
 * What to look for: a query in the store's query language (see {@code docs/store.md}) and an optional time range.
 *
 * <p>Guarantees: {@code since} is inclusive and {@code until} exclusive; a null bound is unbounded; a blank query text
 * matches every event. The range is validated on construction.
 *
 * @param queryText query language text, null or blank for all events
 * @param since     earliest event time (inclusive), or null
 * @param until     latest event time (exclusive), or null
 */
public record EventQuery(String queryText, Instant since, Instant until) {

    public EventQuery {
        queryText = queryText == null ? "" : queryText;
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("time range is empty: since " + since + " is not before until " + until);
        }
    }

    /** Every event matching {@code queryText}, at any time. */
    public static EventQuery of(String queryText) {
        return new EventQuery(queryText, null, null);
    }

    /** Every event in {@code [since, until)}. */
    public static EventQuery between(Instant since, Instant until) {
        return new EventQuery("", since, until);
    }
}
