package dev.vigil.store;

import dev.vigil.event.LogSource;
import dev.vigil.tenancy.TenantId;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link StoredEvent} back from the stored fields {@link EventDocumentBuilder} wrote, loading only those.
 *
 * <p>Guarantees: a document of another tenant is never returned; finding one is reported as a broken invariant.
 */
final class StoredEventDecoder {

    private static final Set<String> STORED = Set.of(StoreFields.TENANT, StoreFields.ID, StoreFields.TIMESTAMP,
            StoreFields.RECEIVED_AT, StoreFields.CONNECTOR, StoreFields.PRODUCT, StoreFields.CATEGORY,
            StoreFields.SERVICE, StoreFields.PARSE_ERROR_REASON, StoreFields.RAW, StoreFields.FIELDS_JSON);

    private final FieldsJson json;

    StoredEventDecoder(FieldsJson json) {
        this.json = json;
    }

    StoredEvent decode(StoredFields storedFields, int docId, TenantId expectedTenant) throws IOException {
        Document doc = storedFields.document(docId, STORED);
        String tenant = doc.get(StoreFields.TENANT);
        if (!expectedTenant.value().equals(tenant)) {
            throw new IllegalStateException("tenant isolation broken: index of " + expectedTenant
                    + " holds a document of tenant " + tenant);
        }
        BytesRef fieldsJson = doc.getBinaryValue(StoreFields.FIELDS_JSON);
        Map<String, Object> fields = json.decode(fieldsJson.bytes, fieldsJson.offset, fieldsJson.length);
        return new StoredEvent(
                doc.get(StoreFields.ID),
                expectedTenant,
                Instant.ofEpochMilli(doc.getField(StoreFields.TIMESTAMP).numericValue().longValue()),
                Instant.ofEpochMilli(doc.getField(StoreFields.RECEIVED_AT).numericValue().longValue()),
                doc.get(StoreFields.CONNECTOR),
                new LogSource(doc.get(StoreFields.PRODUCT), doc.get(StoreFields.CATEGORY), doc.get(StoreFields.SERVICE)),
                fields,
                doc.get(StoreFields.RAW),
                doc.get(StoreFields.PARSE_ERROR_REASON));
    }
}
