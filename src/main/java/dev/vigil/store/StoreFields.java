package dev.vigil.store;

import java.util.Locale;
import java.util.Set;

/**
 * The index schema: names of the store's own fields and the derived names under which a normalised field is indexed.
 *
 * <p>Guarantees: Lucene needs one consistent schema per field name, so each name has exactly one role. A normalised
 * field {@code f} is indexed as a lower-cased keyword under {@code f}; its doc values for top-values aggregations live
 * under {@code f#v}; a numeric value of it is also a point under {@code f#n}. The store's own fields start with
 * {@code @}; a normalised field whose name collides with one of them, or contains {@code #}, is kept in the stored
 * event but not indexed, so it can never corrupt the schema.
 */
public final class StoreFields {

    /** Tenant, indexed keyword; every query is filtered on it. */
    public static final String TENANT = "@tenant";
    /** Event id ({@code EventIds.format(sequence)}), indexed keyword and stored. */
    public static final String ID = "@id";
    /** Spool sequence, doc values (index sort tie-break). */
    public static final String SEQUENCE = "@sequence";
    /**
     * Spool sequence as a point, so a replay can ask whether an index holds a given event. A name of its own: adding
     * points to {@link #SEQUENCE} would change the schema of indexes written before it existed.
     */
    public static final String SEQUENCE_POINT = "@sequence.point";
    /** Event time in epoch millis: point, doc values (index sort) and stored. */
    public static final String TIMESTAMP = "@timestamp";
    /** Receive time in epoch millis: point and stored. */
    public static final String RECEIVED_AT = "@receivedAt";
    /** Connector that produced the event, keyword. */
    public static final String CONNECTOR = "@connector";
    /** Sigma log source product, keyword. */
    public static final String PRODUCT = "@logsource.product";
    /** Sigma log source category, keyword. */
    public static final String CATEGORY = "@logsource.category";
    /** Sigma log source service, keyword. */
    public static final String SERVICE = "@logsource.service";
    /** {@code true} or {@code false}, keyword. */
    public static final String PARSE_ERROR = "@parse_error";
    /** Why parsing failed, keyword and stored. */
    public static final String PARSE_ERROR_REASON = "@parse_error.reason";
    /** Free text over the raw record and the {@code message} field (StandardAnalyzer). */
    public static final String TEXT = "@text";
    /** The raw record, stored only. */
    public static final String RAW = "@raw";
    /** All normalised fields as one JSON object, stored only. */
    public static final String FIELDS_JSON = "@fields";
    /** The normalised field whose text also feeds {@link #TEXT}. */
    public static final String MESSAGE = "message";

    private static final Set<String> RESERVED = Set.of(TENANT, ID, SEQUENCE, SEQUENCE_POINT, TIMESTAMP, RECEIVED_AT,
            CONNECTOR, PRODUCT, CATEGORY, SERVICE, PARSE_ERROR, PARSE_ERROR_REASON, TEXT, RAW, FIELDS_JSON);

    /** Longest indexed keyword: 8,191 UTF-16 chars is at most 24,573 UTF-8 bytes, under Lucene's 32,766-byte term limit. */
    public static final int MAX_KEYWORD_CHARS = 8191;

    private static final String DOC_VALUES_SUFFIX = "#v";
    private static final String NUMERIC_SUFFIX = "#n";

    private StoreFields() {
    }

    /** True when a normalised field of this name can be indexed (it neither is a store field nor contains '#'). */
    public static boolean indexable(String fieldName) {
        return !fieldName.isEmpty() && fieldName.indexOf('#') < 0 && !RESERVED.contains(fieldName);
    }

    /** True for the store's time fields, whose query values are ISO dates or epoch millis. */
    public static boolean isTimeField(String fieldName) {
        return TIMESTAMP.equals(fieldName) || RECEIVED_AT.equals(fieldName);
    }

    /** The field holding the doc values of keyword field {@code field}. */
    public static String docValuesField(String field) {
        return field + DOC_VALUES_SUFFIX;
    }

    /** The field holding the numeric points of field {@code field}. */
    public static String numericField(String field) {
        return field + NUMERIC_SUFFIX;
    }

    /** How a keyword value is indexed and searched: lower-cased without locale surprises. */
    public static String normalizeKeyword(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * The term under which a keyword value is indexed, and so the term an exact match looks up: lower-cased, and cut
     * to its first {@value #MAX_KEYWORD_CHARS} characters (never between the halves of a surrogate pair).
     */
    public static String keywordTerm(String value) {
        String kept = value;
        if (value.length() > MAX_KEYWORD_CHARS) {
            int end = Character.isHighSurrogate(value.charAt(MAX_KEYWORD_CHARS - 1)) ? MAX_KEYWORD_CHARS - 1 : MAX_KEYWORD_CHARS;
            kept = value.substring(0, end);
        }
        return normalizeKeyword(kept);
    }
}
