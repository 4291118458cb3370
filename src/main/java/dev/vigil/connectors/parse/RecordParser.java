package dev.vigil.connectors.parse;

import java.util.Map;

/**
 * Parses the text of one record into flat fields: the pure first step of a connector, with no I/O.
 *
 * <p>Guarantees: never returns null; the returned map is flat (dotted names) and holds only {@link String},
 * {@link Long}, {@link Double}, {@link Boolean} or {@link java.util.List} values; a record it cannot parse raises
 * {@link RecordParseException} with a reason a person can act on, never another exception.
 */
@FunctionalInterface
public interface RecordParser {

    Map<String, Object> parse(String payload, ParseContext context) throws RecordParseException;
}
