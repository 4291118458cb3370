package dev.vigil.tenancy.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the CSRF token a request presents in its form body: the {@value #FIELD} field of an
 * {@code application/x-www-form-urlencoded} body, or the {@value #FIELD} part of a {@code multipart/form-data} body.
 * Pure logic.
 */
public final class CsrfTokens {

    /** The form field pages put the token in. */
    public static final String FIELD = "_csrf";
    /** The header htmx and scripts send the token in. */
    public static final String HEADER = "X-CSRF-Token";

    private CsrfTokens() {
    }

    /** The {@value #FIELD} value of a URL-encoded form body. */
    public static Optional<String> fromUrlEncoded(String body) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(name).equals(FIELD)) {
                return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    /** The {@value #FIELD} part of a multipart body (read as ISO-8859-1; the token is ASCII). */
    public static Optional<String> fromMultipart(String body, String boundary) {
        String delimiter = "--" + boundary;
        for (String part : body.split(java.util.regex.Pattern.quote(delimiter))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            if (headers.matches("(?is).*content-disposition:\\s*form-data;\\s*name=\"" + FIELD + "\"(\\s*;.*)?(\r\n.*)?")) {
                String value = part.substring(headersEnd + 4);
                return Optional.of(value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
            }
        }
        return Optional.empty();
    }

    /** The boundary parameter of a multipart content type. */
    public static Optional<String> boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = p.substring(9);
                return Optional.of(b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b);
            }
        }
        return Optional.empty();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
