package dev.vigil.detect.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string value: literal text with {@code *} (any run) and {@code ?} (one character) wildcards, read with the
 * specification's escaping rules ({@code \*}, {@code \?} and {@code \\} escape; a backslash before anything else is a
 * plain backslash). Immutable and pure.
 */
public final class SigmaString {

    /** One piece of the value: literal text, or a wildcard. */
    public sealed interface Part permits Literal, Wildcard {
    }

    /** Literal text, matched as written (case-insensitively unless the rule says {@code cased}). */
    public record Literal(String text) implements Part {
    }

    /** {@code *} ({@link #ANY}) or {@code ?} ({@link #ONE}). */
    public enum Wildcard implements Part {
        ANY, ONE
    }

    private final List<Part> parts;

    private SigmaString(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Reads a value as written in a rule, applying Sigma's escaping rules. */
    public static SigmaString parse(String raw) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && "*?\\".indexOf(raw.charAt(i + 1)) >= 0) {
                literal.append(raw.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(literal, parts);
                parts.add(c == '*' ? Wildcard.ANY : Wildcard.ONE);
            } else {
                literal.append(c);
            }
        }
        flush(literal, parts);
        return new SigmaString(parts);
    }

    /** A value that is exactly this text, no wildcards. */
    public static SigmaString literal(String text) {
        return new SigmaString(text.isEmpty() ? List.of() : List.of(new Literal(text)));
    }

    public List<Part> parts() {
        return parts;
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> p instanceof Wildcard);
    }

    /** The text of a wildcard-free value; throws {@link IllegalStateException} if it has wildcards. */
    public String plain() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal(String t)) {
                text.append(t);
            } else {
                throw new IllegalStateException("value has wildcards");
            }
        }
        return text.toString();
    }

    /** This value with {@code *} in front, unless it already starts with one. */
    public SigmaString withLeadingAny() {
        if (!parts.isEmpty() && parts.getFirst() == Wildcard.ANY) {
            return this;
        }
        List<Part> result = new ArrayList<>(parts.size() + 1);
        result.add(Wildcard.ANY);
        result.addAll(parts);
        return new SigmaString(result);
    }

    /** This value with {@code *} at the end, unless it already ends with one. */
    public SigmaString withTrailingAny() {
        if (!parts.isEmpty() && parts.getLast() == Wildcard.ANY) {
            return this;
        }
        List<Part> result = new ArrayList<>(parts);
        result.add(Wildcard.ANY);
        return new SigmaString(result);
    }

    /** The longest literal run, for the prefilter; empty when there is none. */
    public String longestLiteral() {
        String longest = "";
        for (Part part : parts) {
            if (part instanceof Literal(String t) && t.length() > longest.length()) {
                longest = t;
            }
        }
        return longest;
    }

    /**
     * Every variant with each Windows command-line flag dash (any of {@code - / – — ―} preceded by a non-word
     * character or the start, and followed by a word character) replaced by each of them: all permutations, as
     * Sigma's {@code windash} modifier defines (the appendix makes all five interchangeable; pySigma only expands
     * {@code -} and {@code /}). Returns this value alone when it has no such dash.
     */
    public List<SigmaString> windashVariants(int limit) {
        List<List<Part>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        for (Part part : parts) {
            if (part instanceof Literal(String text)) {
                List<String> texts = windashTexts(text, limit);
                List<List<Part>> next = new ArrayList<>();
                for (List<Part> prefix : variants) {
                    for (String t : texts) {
                        List<Part> extended = new ArrayList<>(prefix);
                        extended.add(new Literal(t));
                        next.add(extended);
                    }
                }
                if (next.size() > limit) {
                    throw new IllegalArgumentException("windash would create more than " + limit + " variants");
                }
                variants = next;
            } else {
                variants.forEach(v -> v.add(part));
            }
        }
        return variants.stream().map(SigmaString::new).toList();
    }

    private static final String DASHES = "-/\u2013\u2014\u2015";

    private static List<String> windashTexts(String text, int limit) {
        List<String> results = new ArrayList<>();
        results.add("");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean flag = DASHES.indexOf(c) >= 0
                    && (i == 0 || !isWord(text.charAt(i - 1)))
                    && i + 1 < text.length() && isWord(text.charAt(i + 1));
            List<String> next = new ArrayList<>();
            for (String prefix : results) {
                if (flag) {
                    for (int d = 0; d < DASHES.length(); d++) {
                        next.add(prefix + DASHES.charAt(d));
                    }
                } else {
                    next.add(prefix + c);
                }
            }
            if (next.size() > limit) {
                throw new IllegalArgumentException("windash would create more than " + limit + " variants");
            }
            results = next;
        }
        return results;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigmaString s && s.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** The value written back with Sigma escaping. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal(String t) -> text.append(t.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?"));
                case Wildcard w -> text.append(w == Wildcard.ANY ? '*' : '?');
            }
        }
        return text.toString();
    }
}
