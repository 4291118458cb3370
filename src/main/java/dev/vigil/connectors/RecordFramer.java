package dev.vigil.connectors;

import java.util.List;

/**
 * A {@link LineFramer} that also reports where each record starts and can be flushed at the end of a document, so the
 * same framing code serves tailed streams and whole files.
 */
interface RecordFramer extends LineFramer {

    /** Accepts line {@code lineNumber} and returns the records it completes, in order. */
    List<Framed> frame(String line, int lineNumber);

    /** The records still open at the end of the input (an unterminated JSON value), to be reported, not lost. */
    List<Framed> finish();

    @Override
    default List<String> acceptAll(String line) {
        return frame(line, 0).stream().map(Framed::payload).toList();
    }

    @Override
    default String accept(String line) {
        List<Framed> records = frame(line, 0);
        if (records.size() > 1) {
            throw new IllegalStateException("this line completes " + records.size()
                    + " records; a framer that may emit several per line must be read with acceptAll");
        }
        return records.isEmpty() ? null : records.getFirst().payload();
    }
}
