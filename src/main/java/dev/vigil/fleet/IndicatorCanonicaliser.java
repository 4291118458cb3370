package dev.vigil.fleet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings an indicator (domain, IP address, URL, e-mail address, file hash) to one canonical form, so that every
 * surface form of one indicator hashes alike across tenants.
 *
 * <p>Guarantees: pure (no I/O, no DNS, no clock). Surrounding whitespace is dropped; defanged forms are refanged
 * ({@code hxxp}/{@code hXXps} → {@code http}/{@code https}, {@code fxp} → {@code ftp}, {@code [.]}, {@code (.)},
 * {@code {.}}, {@code [dot]}, {@code (dot)}, {@code {dot}}, {@code \.} → {@code .}, {@code [:]} → {@code :},
 * {@code [://]} → {@code ://}, {@code [@]}, {@code [at]}, {@code (at)} → {@code @}); IPv4 addresses lose leading
 * zeros (read as decimal) and IPv6 addresses take their RFC 5952 form (lower case, zero runs compressed, an
 * IPv4-mapped address becomes its IPv4 address); domains and e-mail addresses are lower-cased and lose trailing dots;
 * URLs get a lower-case scheme and host (canonicalised as above, default port dropped) while the path, query and
 * fragment keep their case. An empty indicator or a malformed IP address is an {@link IllegalArgumentException}.
 */
public final class IndicatorCanonicaliser {

    private static final Pattern[] DOTS = {Pattern.compile("\\[\\.]"), Pattern.compile("\\(\\.\\)"),
            Pattern.compile("\\{\\.}"), Pattern.compile("(?i)\\[dot]"), Pattern.compile("(?i)\\(dot\\)"),
            Pattern.compile("(?i)\\{dot}"), Pattern.compile("\\\\\\.")};
    private static final Pattern AT = Pattern.compile("(?i)\\[@]|\\[at]|\\(at\\)");
    private static final Pattern SCHEME_HXXP = Pattern.compile("(?i)^h[x]{2}p(s?)(?=\\[?:)");
    private static final Pattern SCHEME_FXP = Pattern.compile("(?i)^fxp(?=\\[?:)");
    private static final Pattern URL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)(.*)$", Pattern.DOTALL);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[\\w.-]+)?]?");

    private IndicatorCanonicaliser() {
    }

    /** The canonical form of an indicator; see the type's guarantees. */
    public static String canonical(String indicator) {
        if (indicator == null || indicator.isBlank()) {
            throw new IllegalArgumentException("an empty indicator cannot be anonymised");
        }
        String s = refang(indicator.strip());
        Matcher url = URL.matcher(s);
        if (url.matches()) {
            return url(url.group(1), url.group(2), url.group(3));
        }
        return host(s);
    }

    /** The text with every defanged form listed in the type's guarantees restored. */
    static String refang(String text) {
        String s = text;
        for (Pattern p : DOTS) {
            s = p.matcher(s).replaceAll(".");
        }
        s = s.replace("[://]", "://").replace("[:]", ":").replace("[/]", "/");
        s = AT.matcher(s).replaceAll("@");
        s = SCHEME_HXXP.matcher(s).replaceFirst("http$1");
        s = SCHEME_FXP.matcher(s).replaceFirst("ftp");
        return s;
    }

    /** True when the text is an IPv4 or IPv6 address literal (after refanging). */
    public static boolean isIpAddress(String text) {
        String s = refang(text.strip());
        return IPV4.matcher(s).matches() || looksIpv6(s);
    }

    private static String url(String scheme, String authority, String rest) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        String userInfo = "";
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at + 1);
            hostPort = authority.substring(at + 1);
        }
        String host = hostPort;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("invalid URL host '" + hostPort + "': unclosed IPv6 bracket");
            }
            host = hostPort.substring(0, close + 1);
            port = hostPort.substring(close + 1);
        } else if (hostPort.indexOf(':') >= 0) {
            host = hostPort.substring(0, hostPort.indexOf(':'));
            port = hostPort.substring(hostPort.indexOf(':'));
        }
        if (port.equals(":") || (lower.equals("http") && port.equals(":80")) || (lower.equals("https") && port.equals(":443"))
                || (lower.equals("ftp") && port.equals(":21"))) {
            port = "";
        }
        String canonicalHost = host.isEmpty() ? "" : host(host);
        if (canonicalHost.contains(":")) {
            canonicalHost = "[" + canonicalHost + "]";
        }
        return lower + "://" + userInfo + canonicalHost + port + rest;
    }

    private static String host(String text) {
        if (IPV4.matcher(text).matches()) {
            return ipv4(text);
        }
        if (looksIpv6(text)) {
            return ipv6(text);
        }
        String s = text.toLowerCase(Locale.ROOT);
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an indicator cannot be only dots");
        }
        return s;
    }

    private static boolean looksIpv6(String text) {
        return text.indexOf(':') != text.lastIndexOf(':') && IPV6.matcher(text).matches();
    }

    private static String ipv4(String text) {
        String[] parts = text.split("\\.");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            int octet = Integer.parseInt(part, 10);
            if (octet > 255) {
                throw new IllegalArgumentException("invalid IPv4 address '" + text + "': " + part + " is above 255");
            }
            out.append(out.isEmpty() ? "" : ".").append(octet);
        }
        return out.toString();
    }

    private static String ipv6(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        InetAddress address;
        try {
            address = Inet6Address.ofLiteral(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid IPv6 address '" + text + "': " + e.getMessage(), e);
        }
        if (address instanceof Inet4Address v4) {
            return v4.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
