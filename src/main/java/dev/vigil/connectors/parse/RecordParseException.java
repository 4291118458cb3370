package dev.vigil.connectors.parse;

/** A record that a parser cannot read; the message says what is wrong and where, for the analyst who sees it. */
public class RecordParseException extends Exception {

    public RecordParseException(String reason) {
        super(reason);
    }

    public RecordParseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
