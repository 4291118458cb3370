package dev.vigil.store;

/**
 * A query the store's query language cannot read.
 *
 * <p>Guarantees: the message is written for an analyst, names the problem and says where it is as a 1-based
 * character position in the query text ({@link #position()}); nothing was searched.
 */
public final class QuerySyntaxException extends IllegalArgumentException {

    private final String query;
    private final int position;

    /**
     * @param query    the query text
     * @param offset   0-based offset of the problem in {@code query}
     * @param problem  what is wrong and, where it helps, how to write it instead
     */
    public QuerySyntaxException(String query, int offset, String problem) {
        super("Query syntax error at position " + (offset + 1) + ": " + problem);
        this.query = query;
        this.position = offset + 1;
    }

    /** The query text that failed. */
    public String query() {
        return query;
    }

    /** 1-based character position of the problem. */
    public int position() {
        return position;
    }
}
