package dev.vigil.fleet;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pattern shapes: the generalised form of a command line or a domain, so that one technique seen with different
 * hosts, users, paths and numbers at different tenants has one shape.
 *
 * <p>Guarantees: pure. {@link #commandLine} keeps the program and flag structure and replaces the variable parts:
 * GUIDs → {@code <guid>}, URLs → {@code <url>}, IP addresses → {@code <ip>}, directory parts of Windows and Unix
 * paths (and so user profile names in them) → {@code <dir>\} / {@code <dir>/}, user names after {@code /user:},
 * {@code --user}, {@code -u} and {@code net user} → {@code <user>}, hex runs ({@code 0x…} or 8+ hex digits with a
 * digit) → {@code <hex>}, encoded blobs (16+ base64 characters) → {@code <b64>}, standalone numbers → {@code <n>};
 * the result is lower case with single spaces. {@link #domain} keeps the top-level label and replaces every other
 * label by its character class ({@code a} letters, {@code 9} digits, {@code a9} both, {@code -} suffix when it holds
 * a hyphen) and length, e.g. {@code xk3j9a.evil-cdn.com} → {@code a9{6}.a-{8}.com}. {@link #of} picks the domain
 * shape for {@code domain:<name>} and the command-line shape for anything else.
 */
public final class PatternShapes {

    private static final Pattern GUID = Pattern.compile(
            "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s\"']+");
    private static final Pattern WINDOWS_DIR = Pattern.compile("(?i)(?:\\b[a-z]:|\\\\\\\\[^\\\\\\s\"']+|%[a-z_]+%)\\\\(?:[^\\\\\\s\"']+\\\\)*");
    private static final Pattern UNIX_DIR = Pattern.compile("(?<=^|[\\s\"'=])(?:~|\\.{1,2})?/(?:[^/\\s\"']+/)+");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?\\b");
    private static final Pattern HEX = Pattern.compile("(?i)\\b(?:0x[0-9a-f]+|(?=[a-f]*\\d)[0-9a-f]{8,})\\b");
    private static final Pattern BLOB = Pattern.compile("(?<=^|\\s)(?=[A-Za-z0-9+/]*[0-9+/A-Z])[A-Za-z0-9+/]{16,}={0,2}(?=\\s|$)");
    private static final Pattern USER_FLAG = Pattern.compile("(?i)(/user:|--user(?:name)?[= ]|(?<=\\s)-u |\\bnet user )[^\\s\"']+");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w<])\\d+(?![\\w>])");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern HOST = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

    private PatternShapes() {
    }

    /** The prefix that asks {@link #of} for a domain shape. */
    public static final String DOMAIN_PREFIX = "domain:";

    /** The domain shape of {@code domain:<name>}, or the command-line shape of anything else. */
    public static String of(String text) {
        String s = require(text).strip();
        if (s.regionMatches(true, 0, DOMAIN_PREFIX, 0, DOMAIN_PREFIX.length())) {
            return domain(s.substring(DOMAIN_PREFIX.length()));
        }
        return commandLine(s);
    }

    /** The generalised command line; see the type's guarantees. */
    public static String commandLine(String commandLine) {
        String s = require(commandLine).strip();
        s = GUID.matcher(s).replaceAll("<guid>");
        s = URL.matcher(s).replaceAll("<url>");
        s = WINDOWS_DIR.matcher(s).replaceAll(Matcher.quoteReplacement("<dir>\\"));
        s = UNIX_DIR.matcher(s).replaceAll("<dir>/");
        s = IPV4.matcher(s).replaceAll("<ip>");
        s = HEX.matcher(s).replaceAll("<hex>");
        s = BLOB.matcher(s).replaceAll("<b64>");
        s = s.toLowerCase(Locale.ROOT);
        s = USER_FLAG.matcher(s).replaceAll("$1<user>");
        s = NUMBER.matcher(s).replaceAll("<n>");
        return SPACES.matcher(s).replaceAll(" ");
    }

    /** The shape of a domain; see the type's guarantees. */
    public static String domain(String domain) {
        String host = IndicatorCanonicaliser.canonical(require(domain));
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("not a domain name: '" + domain + "'");
        }
        String[] labels = host.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < labels.length - 1; i++) {
            String label = labels[i];
            boolean letters = label.chars().anyMatch(Character::isLetter);
            boolean digits = label.chars().anyMatch(Character::isDigit);
            out.append(letters ? "a" : "").append(digits ? "9" : "").append(label.indexOf('-') >= 0 ? "-" : "")
                    .append('{').append(label.length()).append("}.");
        }
        return out.append(labels[labels.length - 1]).toString();
    }

    private static String require(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty pattern cannot be anonymised");
        }
        return text;
    }
}
