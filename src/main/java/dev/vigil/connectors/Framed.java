package dev.vigil.connectors;

import java.util.Objects;

/**
 * One record cut from a document.
 *
 * @param lineNumber 1-based line on which the record starts
 * @param payload    the record's text, parseable alone
 */
public record Framed(int lineNumber, String payload) {
    public Framed {
        Objects.requireNonNull(payload, "payload");
    }
}
