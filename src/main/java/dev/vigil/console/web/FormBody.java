package dev.vigil.console.web;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A URL-encoded form body as the browser sent it, with repeated fields (checkboxes) kept as lists. Pure value.
 */
public record FormBody(Map<String, List<String>> fields) {

    public FormBody {
        fields = Map.copyOf(fields);
    }

    /** Parses {@code a=1&b=2&b=3}; null or empty is an empty form. */
    public static FormBody parse(String body) {
        if (body == null || body.isEmpty()) {
            return new FormBody(Map.of());
        }
        return new FormBody(new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters());
    }

    /** The first value of a field, or null. */
    public String get(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The first value, trimmed, or null when missing or blank. */
    public String text(String name) {
        String v = get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Every value of a field (empty when none). */
    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }
}
