package dev.vigil.console.web;

/**
 * Builds the query a click on a value leads to: the current query AND {@code field:"value"} (or AND NOT, to exclude
 * it), in the store's query language. Pure logic.
 *
 * <p>Guarantees: the value is always quoted with {@code "} and {@code \} escaped, so any value (spaces, colons,
 * parentheses, wildcards) matches literally; an empty or match-all query is replaced rather than combined.
 */
public final class QueryFilters {

    private QueryFilters() {
    }

    /** {@code query AND field:"value"}. */
    public static String include(String query, String field, String value) {
        return combine(query, term(field, value));
    }

    /** {@code query AND NOT field:"value"}. */
    public static String exclude(String query, String field, String value) {
        return combine(query, "NOT " + term(field, value));
    }

    /** {@code field:"value"} with the value quoted. */
    public static String term(String field, String value) {
        return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String combine(String query, String clause) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty() || q.equals("*")) {
            return clause.startsWith("NOT ") ? "* AND " + clause : clause;
        }
        boolean simple = !q.contains(" OR ") && !q.startsWith("NOT ");
        return (simple ? q : "(" + q + ")") + " AND " + clause;
    }
}
