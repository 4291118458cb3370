package dev.vigil.detect.sigma;

import java.util.Locale;

/**
 * Finds a literal that every match of a regular expression must contain, for the prefilter: the longest run of
 * plain characters outside groups, classes and alternations, dropping a character a quantifier makes optional.
 * Conservative: any alternation gives no literal, and the characters after an escape such as {@code \d}, {@code \x41}
 * or {@code \p{L}} never count (they may be part of it). Pure.
 */
final class RegexLiterals {

    private RegexLiterals() {
    }

    /** The lower-cased required literal of at least {@link ValueTest#MIN_LITERAL} characters, or null. */
    static String required(String regex) {
        StringBuilder run = new StringBuilder();
        String best = "";
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    return null;
                }
                char next = regex.charAt(i + 1);
                i += 2;
                if (Character.isLetterOrDigit(next)) {
                    best = longer(best, run);
                    run.setLength(0);
                    while (i < regex.length() && (Character.isLetterOrDigit(regex.charAt(i)) || "{}<>,".indexOf(regex.charAt(i)) >= 0)) {
                        i++;
                    }
                } else {
                    run.append(next);
                }
            } else if (c == '|') {
                return null;
            } else if (c == '[' || c == '(') {
                best = longer(best, run);
                run.setLength(0);
                int end = c == '[' ? classEnd(regex, i) : groupEnd(regex, i);
                if (end < 0) {
                    return null;
                }
                i = end + 1;
            } else if (c == '*' || c == '?' || c == '+' || c == '{') {
                boolean optional = c == '*' || c == '?' || (c == '{' && regex.startsWith("{0", i));
                if (optional && !run.isEmpty()) {
                    run.setLength(run.length() - 1);
                }
                best = longer(best, run);
                run.setLength(0);
                if (c == '{') {
                    int close = regex.indexOf('}', i);
                    if (close < 0) {
                        return null;
                    }
                    i = close;
                }
                i++;
            } else if (c == '.' || c == '^' || c == '$' || c == ')' || c == ']') {
                best = longer(best, run);
                run.setLength(0);
                i++;
            } else {
                run.append(c);
                i++;
            }
        }
        best = longer(best, run);
        return best.length() >= ValueTest.MIN_LITERAL ? best.toLowerCase(Locale.ROOT) : null;
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    /** Index of the ']' closing the class opened at {@code open}, or -1. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == ']') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Index of the ')' closing the group opened at {@code open}, or -1; a quantifier after it is skipped by the caller. */
    private static int groupEnd(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                int end = classEnd(regex, i);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
