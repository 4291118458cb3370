package dev.vigil.connectors;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON framing for streams (a tailed file, an HTTP bulk body, a TCP connection): every line stands alone. A line
 * holding one value is one record; a line holding an array, several values, or a {@code Records} wrapper yields each
 * record; a line that does not close its value is still one record, which the parser then flags.
 *
 * <p>Why not carry a value across lines as {@link JsonFramer} does for whole files: in a stream one malformed line
 * would otherwise swallow every following line into a single broken record. Here a bad line costs exactly that line,
 * kept and flagged. Multi-line pretty-printed documents belong to {@code vigil ingest FILE}, which frames the whole file.
 */
final class JsonLineFramer implements LineFramer {

    private final String recordsPath;

    JsonLineFramer(String recordsPath) {
        this.recordsPath = recordsPath;
    }

    @Override
    public List<String> acceptAll(String line) {
        JsonFramer framer = new JsonFramer(recordsPath);
        List<String> out = new ArrayList<>();
        for (Framed f : framer.frame(line, 0)) {
            out.add(f.payload());
        }
        for (Framed f : framer.finish()) {
            out.add(f.payload());
        }
        return out;
    }

    @Override
    public String accept(String line) {
        List<String> records = acceptAll(line);
        if (records.size() > 1) {
            throw new IllegalStateException("this line holds " + records.size()
                    + " records; read a json stream with acceptAll");
        }
        return records.isEmpty() ? null : records.getFirst();
    }
}
