package dev.vigil.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The compact stored form of an event's normalised fields: one JSON object per document instead of one stored field
 * per value, which keeps indexing fast.
 *
 * <p>Guarantees: {@code decode(encode(m))} equals {@code m} for maps whose values are String, Long, Double, Boolean
 * or lists of those (integers come back as Long, NaN and infinities survive). Thread-safe.
 */
final class FieldsJson {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectWriter writer;
    private final ObjectReader reader;

    FieldsJson() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build();
        this.writer = mapper.writerFor(MAP).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.reader = mapper.readerFor(MAP);
    }

    byte[] encode(Map<String, Object> fields) {
        try {
            return writer.writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode event fields", e);
        }
    }

    Map<String, Object> decode(byte[] bytes, int offset, int length) {
        try {
            return reader.readValue(bytes, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("stored event fields are not valid JSON", e);
        }
    }
}
