package dev.vigil.store;

import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import java.util.List;
import java.util.Map;

/**
 * Turns a {@link NormalizedEvent} into the Lucene document described by {@link StoreFields}.
 *
 * <p>Guarantees: every document follows the same per-name schema whatever the value types of the event (a field that
 * is a number in one event and text in the next is still indexed consistently); values too long for a Lucene term are
 * indexed by {@link StoreFields#keywordTerm} (their first {@value StoreFields#MAX_KEYWORD_CHARS} characters), so they
 * are still found by exact match on the whole value, prefix wildcards and free text, and never make
 * {@code addDocument} fail. Pure: no I/O, no shared mutable state.
 */
final class EventDocumentBuilder {

    private final int maxDocValueLength;
    private final FieldsJson json;

    EventDocumentBuilder(int maxDocValueLength, FieldsJson json) {
        this.maxDocValueLength = maxDocValueLength;
        this.json = json;
    }

    Document build(NormalizedEvent event) {
        Document doc = new Document();
        doc.add(new StringField(StoreFields.TENANT, event.tenant().value(), Field.Store.YES));
        doc.add(new StringField(StoreFields.ID, event.id(), Field.Store.YES));
        doc.add(new NumericDocValuesField(StoreFields.SEQUENCE, event.sequence()));
        doc.add(new LongPoint(StoreFields.SEQUENCE_POINT, event.sequence()));

        long timestamp = event.timestamp().toEpochMilli();
        doc.add(new LongPoint(StoreFields.TIMESTAMP, timestamp));
        doc.add(new NumericDocValuesField(StoreFields.TIMESTAMP, timestamp));
        doc.add(new StoredField(StoreFields.TIMESTAMP, timestamp));
        long receivedAt = event.receivedAt().toEpochMilli();
        doc.add(new LongPoint(StoreFields.RECEIVED_AT, receivedAt));
        doc.add(new StoredField(StoreFields.RECEIVED_AT, receivedAt));

        storedKeyword(doc, StoreFields.CONNECTOR, event.connector());
        LogSource logSource = event.logSource();
        storedKeyword(doc, StoreFields.PRODUCT, logSource.product());
        storedKeyword(doc, StoreFields.CATEGORY, logSource.category());
        storedKeyword(doc, StoreFields.SERVICE, logSource.service());
        keyword(doc, StoreFields.PARSE_ERROR, event.hasParseError() ? "true" : "false");
        storedKeyword(doc, StoreFields.PARSE_ERROR_REASON, event.parseError());

        doc.add(new StoredField(StoreFields.RAW, event.raw()));
        doc.add(new TextField(StoreFields.TEXT, event.raw(), Field.Store.NO));
        if (event.field(StoreFields.MESSAGE) instanceof String message && !message.equals(event.raw())) {
            doc.add(new TextField(StoreFields.TEXT, message, Field.Store.NO));
        }

        Map<String, Object> fields = event.fields();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (StoreFields.indexable(field.getKey())) {
                value(doc, field.getKey(), field.getValue());
            }
        }
        doc.add(new StoredField(StoreFields.FIELDS_JSON, new BytesRef(json.encode(fields))));
        return doc;
    }

    private void value(Document doc, String name, Object value) {
        switch (value) {
            case null -> {
            }
            case String text -> {
                keyword(doc, name, text);
                if (NumericText.looksNumeric(text)) {
                    doc.add(new DoublePoint(StoreFields.numericField(name), Double.parseDouble(text)));
                }
            }
            case Long number -> {
                keyword(doc, name, Long.toString(number));
                doc.add(new DoublePoint(StoreFields.numericField(name), number));
            }
            case Number number -> {
                keyword(doc, name, number.toString());
                doc.add(new DoublePoint(StoreFields.numericField(name), number.doubleValue()));
            }
            case Boolean flag -> keyword(doc, name, flag ? "true" : "false");
            case List<?> list -> {
                for (Object element : list) {
                    value(doc, name, element);
                }
            }
            default -> keyword(doc, name, String.valueOf(value));
        }
    }

    private void storedKeyword(Document doc, String name, String value) {
        if (value != null) {
            keyword(doc, name, value);
            doc.add(new StoredField(name, value));
        }
    }

    private void keyword(Document doc, String name, String value) {
        doc.add(new StringField(name, StoreFields.keywordTerm(value), Field.Store.NO));
        if (value.length() <= maxDocValueLength) {
            doc.add(new SortedSetDocValuesField(StoreFields.docValuesField(name), new BytesRef(value)));
        }
    }
}
