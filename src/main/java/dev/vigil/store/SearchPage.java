package dev.vigil.store;

import java.util.List;

/**
 * One page of search results, newest first.
 *
 * <p>Guarantees: {@code totalHits} is the exact number of matching events for the tenant and range (not only those on
 * the page); {@code events} is unmodifiable and ordered by timestamp descending, ties by event id descending.
 */
public record SearchPage(long totalHits, List<StoredEvent> events) {

    public SearchPage {
        events = List.copyOf(events);
    }
}
