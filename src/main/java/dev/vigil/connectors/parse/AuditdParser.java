package dev.vigil.connectors.parse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one Linux audit record as written to {@code /var/log/audit/audit.log} or forwarded by audisp:
 * {@code [node=<name> ]type=<TYPE> msg=audit(<seconds>.<millis>:<serial>): key=value ...}, optionally followed by the
 * enriched section ({@code log_format = ENRICHED}) after a {@code 0x1d} group separator.
 *
 * <p>Output: {@code node} (when present), {@code type}, {@code audit.timestamp} (ISO-8601 instant),
 * {@code audit.serial} (number), then every key exactly as auditd wrote it, because Sigma's auditd rules match the raw
 * names ({@code exe}, {@code comm}, {@code a0}, {@code key}, {@code name}, and enriched {@code UID}, {@code SYSCALL}, ...).
 * Values are text with their quotes removed. Untrusted strings that the kernel logged as hex ({@code proctitle},
 * {@code cmd}, {@code exe}, {@code comm}, {@code name}, {@code key}, EXECVE's {@code a0}, {@code a1}, ...) are decoded:
 * {@code proctitle} with its NUL argument separators turned into spaces, a multi-key {@code key} into a list, and
 * EXECVE arguments split over {@code aN[i]} joined into {@code aN}. The nested {@code msg='...'} of user-space records
 * (USER_AUTH, USER_CMD, ...) is read as pairs of its own; if it holds none it is kept as {@code msg}.
 *
 * <p>Guarantees: text before {@code node=}/{@code type=} (a syslog header added by a forwarder) is ignored; a record
 * without the {@code type=... msg=audit(...):} header or with an unclosed quote is rejected with the reason.
 */
public final class AuditdParser implements RecordParser {

    private static final Pattern HEADER = Pattern.compile(
            "(?:^|\\s)(?:node=(\\S+) )?type=(\\S+) msg=audit\\((\\d{1,12})(?:\\.(\\d{1,9}))?:(\\d{1,18})\\):?");

    private static final char ENRICHMENT_SEPARATOR = '\u001d';

    /** Fields the kernel and auditd log with {@code audit_log_untrustedstring} (hex when unsafe). */
    private static final Set<String> UNTRUSTED = Set.of(
            "proctitle", "cmd", "comm", "ocomm", "exe", "name", "cwd", "path", "dir", "watch", "acct", "data", "key",
            "vm", "old-disk", "new-disk", "old-fs", "new-fs", "old-net", "new-net", "old-chardev", "new-chardev",
            "old-rng", "new-rng", "root_dir", "grp", "new_group", "id_name", "sw", "file");

    private static final Pattern EXECVE_ARG = Pattern.compile("a(\\d+)");
    private static final Pattern EXECVE_ARG_PART = Pattern.compile("a(\\d+)\\[(\\d+)]");

    private final PairScanner scanner = new PairScanner(null, "=", false);

    @Override
    public Map<String, Object> parse(String payload, ParseContext context) throws RecordParseException {
        Matcher header = HEADER.matcher(payload);
        if (!header.find()) {
            throw new RecordParseException("not an audit record: expected 'type=<TYPE> msg=audit(<seconds>.<millis>:<serial>):' in '"
                    + SyslogParser.abbreviate(payload, 60) + "'");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (header.group(1) != null) {
            fields.put("node", header.group(1));
        }
        String type = header.group(2);
        fields.put("type", type);
        fields.put("audit.timestamp", timestamp(header.group(3), header.group(4)).toString());
        fields.put("audit.serial", Long.parseLong(header.group(5)));

        String body = payload.substring(header.end());
        int enrichment = body.indexOf(ENRICHMENT_SEPARATOR);
        String raw = enrichment < 0 ? body : body.substring(0, enrichment);
        readPairs(raw, "EXECVE".equals(type), fields);
        if (enrichment >= 0) {
            for (PairScanner.Pair pair : scanner.scan(body.substring(enrichment + 1))) {
                MultiValues.add(fields, pair.key(), pair.value());
            }
        }
        return fields;
    }

    private void readPairs(String text, boolean execve, Map<String, Object> fields) throws RecordParseException {
        Map<Integer, TreeMap<Integer, String>> argumentParts = new TreeMap<>();
        for (PairScanner.Pair pair : scanner.scan(text)) {
            String key = pair.key();
            if (key.equals("msg") && pair.quote() == '\'') {
                readNestedMessage(pair.value(), fields);
                continue;
            }
            Matcher part = EXECVE_ARG_PART.matcher(key);
            if (execve && part.matches()) {
                argumentParts.computeIfAbsent(Integer.parseInt(part.group(1)), k -> new TreeMap<>())
                        .put(Integer.parseInt(part.group(2)), decoded(pair));
                continue;
            }
            boolean encodable = UNTRUSTED.contains(key) || (execve && EXECVE_ARG.matcher(key).matches());
            MultiValues.add(fields, key, value(key, pair, encodable));
        }
        argumentParts.forEach((index, parts) -> fields.put("a" + index, String.join("", parts.values())));
    }

    private void readNestedMessage(String text, Map<String, Object> fields) throws RecordParseException {
        List<PairScanner.Pair> pairs = scanner.scan(text);
        if (pairs.isEmpty()) {
            MultiValues.add(fields, "msg", text);
            return;
        }
        for (PairScanner.Pair pair : pairs) {
            MultiValues.add(fields, pair.key(), value(pair.key(), pair, UNTRUSTED.contains(pair.key())));
        }
    }

    private static Object value(String key, PairScanner.Pair pair, boolean encodable) {
        if (!encodable || pair.quote() != 0 || !AuditHex.isEncoded(pair.value())) {
            return pair.value();
        }
        String text = AuditHex.decode(pair.value());
        if (key.equals("proctitle")) {
            return stripTrailingNuls(text).replace('\0', ' ');
        }
        if (key.equals("key") && text.indexOf('\u0001') >= 0) {
            return List.of(text.split("\u0001"));
        }
        return stripTrailingNuls(text);
    }

    private static String decoded(PairScanner.Pair pair) {
        return pair.quote() == 0 && AuditHex.isEncoded(pair.value()) ? AuditHex.decode(pair.value()) : pair.value();
    }

    private static String stripTrailingNuls(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\0') {
            end--;
        }
        return text.substring(0, end);
    }

    private static Instant timestamp(String seconds, String fraction) {
        BigDecimal value = new BigDecimal(fraction == null ? seconds : seconds + "." + fraction);
        long whole = value.longValue();
        long nanos = value.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }
}
