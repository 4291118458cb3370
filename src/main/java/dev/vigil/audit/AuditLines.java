package dev.vigil.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tenancy.TenantId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reading trail lines: splitting a stream into lines (bytes, without the newline) and parsing one line into an
 * {@link AuditEntry}. A line that is not a complete entry is rejected with the reason, never half-read.
 */
public final class AuditLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIELDS = {"seq", "time", "actor", "role", "tenant", "action", "object", "policy",
            "before", "after", "prev", "hash"};

    private AuditLines() {
    }

    /** Parses one canonical line; throws IllegalArgumentException naming what is wrong. */
    public static AuditEntry parse(String line) {
        return CanonicalLineDecoder.decode(line).orElseGet(() -> parseGeneral(line));
    }

    /** Parses any JSON form of an entry, naming what is wrong; slower than the canonical decoder. */
    static AuditEntry parseGeneral(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (String f : FIELDS) {
            if (!n.has(f)) {
                throw new IllegalArgumentException("field '" + f + "' is missing");
            }
        }
        try {
            return new AuditEntry(n.path("seq").asLong(), Instant.parse(n.path("time").asText()),
                    n.path("actor").asText(), n.path("role").asText(), TenantId.of(n.path("tenant").asText()),
                    n.path("action").asText(), n.path("object").asText(), n.path("policy").asText(),
                    n.path("before").asText(), n.path("after").asText(), n.path("prev").asText(), n.path("hash").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + n.path("time").asText() + "' is not an ISO instant");
        }
    }

    /** Reads newline-terminated lines as bytes; a last line without newline is returned too (callers decide). */
    public static final class Reader implements AutoCloseable {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        private final byte[] buffer = new byte[1 << 16];
        private int pos;
        private int limit;
        private boolean lastHadNewline = true;

        public Reader(InputStream in) {
            this.in = in;
        }

        /** The next line without its newline, or null at the end. */
        public byte[] next() throws IOException {
            line.reset();
            while (true) {
                if (pos == limit) {
                    limit = in.read(buffer);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (line.size() == 0) {
                            return null;
                        }
                        lastHadNewline = false;
                        return line.toByteArray();
                    }
                }
                int start = pos;
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
                line.write(buffer, start, pos - start);
                if (pos < limit) {
                    pos++;
                    return line.toByteArray();
                }
            }
        }

        /** False when the last line returned had no newline (a torn write). */
        public boolean lastHadNewline() {
            return lastHadNewline;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
