package dev.vigil.connectors;

import dev.vigil.event.NormalizedEvent;

import java.util.Objects;

/**
 * One record of a tested file and what the connector made of it.
 *
 * @param lineNumber 1-based line on which the record starts
 * @param event      the normalised event, with {@link NormalizedEvent#parseError()} set when it failed
 */
public record TestedRecord(int lineNumber, NormalizedEvent event) {
    public TestedRecord {
        Objects.requireNonNull(event, "event");
    }
}
