package dev.vigil.ingest.http;

/** A HEC request body that cannot be read; names the event (1-based) and the problem. */
public class HecFormatException extends Exception {

    private final int eventIndex;

    public HecFormatException(int eventIndex, String problem) {
        super(eventIndex > 0 ? "event " + eventIndex + ": " + problem : problem);
        this.eventIndex = eventIndex;
    }

    public int eventIndex() {
        return eventIndex;
    }
}
