package dev.vigil.connectors.parse;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Decodes the hex encoding the Linux kernel uses for untrusted audit strings (a value with a space, quote, control
 * character or non-ASCII byte is logged unquoted as upper-case hex, {@code audit_log_n_untrustedstring}).
 *
 * <p>Guarantees: only an even-length string of upper-case hex digits counts as encoded (numbers and pointers that
 * auditd logs in lower case never do); decoding never fails, malformed UTF-8 becomes U+FFFD.
 */
final class AuditHex {

    private AuditHex() {
    }

    static boolean isEncoded(String value) {
        if (value.isEmpty() || value.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    static String decode(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }
}
