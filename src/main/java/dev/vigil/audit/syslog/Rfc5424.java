package dev.vigil.audit.syslog;

import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.note.Checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * RFC 5424 messages for the audit chain and their RFC 6587 octet-counting frames.
 *
 * <p>Every message has facility 13 (log audit) and severity 6 (informational), so {@code PRI} is {@code <110>};
 * APP-NAME {@code vigil}; MSGID {@code audit.entry} or {@code audit.checkpoint}. Entries carry the structured-data
 * element {@code vigil-audit@32473} (seq, hash, action, actor, role, tenant, object) and the canonical trail line as
 * the UTF-8 message; checkpoints carry {@code vigil-checkpoint@32473} (origin, size, root) and the signed note.
 * 32473 is the private enterprise number RFC 5612 reserves for documentation and examples.
 */
public final class Rfc5424 {

    /** Facility 13 (log audit) × 8 + severity 6 (informational). */
    public static final int PRI = 13 * 8 + 6;
    static final String ENTRY_SD_ID = "vigil-audit@32473";
    static final String CHECKPOINT_SD_ID = "vigil-checkpoint@32473";
    private static final String BOM = "\uFEFF";

    private Rfc5424() {
    }

    /** The message for one audit entry; {@code line} is the entry's canonical trail line. */
    public static String entry(AuditEntry e, String line, String hostName, long procId) {
        String sd = "[" + ENTRY_SD_ID
                + param("seq", Long.toString(e.sequence()))
                + param("hash", e.hash())
                + param("action", e.action())
                + param("actor", e.actor())
                + param("role", e.role())
                + param("tenant", e.tenant().value())
                + param("object", e.object()) + "]";
        return header(e.time(), hostName, procId, "audit.entry") + " " + sd + " " + BOM + line;
    }

    /** The message for one signed checkpoint; {@code note} is the whole signed note. */
    public static String checkpoint(Checkpoint c, String note, Instant time, String hostName, long procId) {
        String sd = "[" + CHECKPOINT_SD_ID
                + param("origin", c.origin())
                + param("size", Long.toString(c.size()))
                + param("root", Base64.getEncoder().encodeToString(c.rootHash())) + "]";
        return header(time, hostName, procId, "audit.checkpoint") + " " + sd + " " + BOM + note;
    }

    /** RFC 6587 octet counting: {@code MSG-LEN SP SYSLOG-MSG}, the length in octets of the UTF-8 message. */
    public static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (body.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, framed, 0, prefix.length);
        System.arraycopy(body, 0, framed, prefix.length, body.length);
        return framed;
    }

    /** A HOSTNAME field: printable US-ASCII without spaces, at most 255 characters, {@code -} when unknown. */
    public static String hostName(String name) {
        if (name == null || name.isBlank()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (char ch : name.strip().toCharArray()) {
            b.append(ch > 32 && ch < 127 ? ch : '-');
        }
        return b.length() > 255 ? b.substring(0, 255) : b.toString();
    }

    private static String header(Instant time, String hostName, long procId, String msgId) {
        // RFC 5424 allows at most six digits of fractional seconds
        return "<" + PRI + ">1 " + time.truncatedTo(ChronoUnit.MICROS) + " " + hostName(hostName) + " vigil " + procId
                + " " + msgId;
    }

    private static String param(String name, String value) {
        StringBuilder b = new StringBuilder(" ").append(name).append("=\"");
        for (char ch : value.toCharArray()) {
            if (ch == '"' || ch == '\\' || ch == ']') {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.append('"').toString();
    }
}
