package dev.vigil.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical bytes and hashes of audit entries: pure functions, no I/O.
 *
 * <p>The canonical form is one JSON object with the fields in a fixed order, strings escaped as RFC 8259 requires and
 * nothing else ({@code \"}, {@code \\}, control characters as {@code \\uXXXX}), no insignificant white space. The same
 * entry always yields the same bytes, on any machine, so an offline verifier can recompute every hash.
 */
public final class AuditCanonicalForm {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditCanonicalForm() {
    }

    /** The canonical JSON of an entry without its own hash (the bytes the hash covers). */
    public static String unhashed(AuditEntry e) {
        StringBuilder out = new StringBuilder(256).append('{');
        number(out, "seq", e.sequence()).append(',');
        string(out, "time", e.time().toString()).append(',');
        string(out, "actor", e.actor()).append(',');
        string(out, "role", e.role()).append(',');
        string(out, "tenant", e.tenant().value()).append(',');
        string(out, "action", e.action()).append(',');
        string(out, "object", e.object()).append(',');
        string(out, "policy", e.policyVersion()).append(',');
        string(out, "before", e.beforeHash()).append(',');
        string(out, "after", e.afterHash()).append(',');
        string(out, "prev", e.previousHash());
        return out.append('}').toString();
    }

    /** The canonical JSON line of a complete entry, as stored in the trail file. */
    public static String line(AuditEntry e) {
        return line(unhashed(e), e.hash());
    }

    /** The canonical JSON line from an entry's {@link #unhashed} form and its hash. */
    public static String line(String unhashed, String hash) {
        return unhashed.substring(0, unhashed.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    }

    /** {@code SHA-256(previousHash ‖ canonical bytes)} in lower-case hex. */
    public static String chainHash(String previousHash, String canonical) {
        MessageDigest digest = sha256();
        digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        digest.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of an object's canonical state, or the empty string for "absent". */
    public static String stateHash(String state) {
        if (state == null) {
            return "";
        }
        return HexFormat.of().formatHex(sha256().digest(state.getBytes(StandardCharsets.UTF_8)));
    }

    private static StringBuilder number(StringBuilder out, String name, long value) {
        return out.append('"').append(name).append("\":").append(value);
    }

    private static StringBuilder string(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
