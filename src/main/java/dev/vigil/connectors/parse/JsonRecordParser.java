package dev.vigil.connectors.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON object into flat fields: nested objects become dotted names ({@code {"a":{"b":1}}} gives
 * {@code a.b}), integers become {@link Long} and other numbers {@link Double} (numbers beyond their range stay text), booleans
 * {@link Boolean}, arrays a {@link List} (an element that is itself an object or array is kept as its compact JSON
 * text). Nulls and empty objects add nothing. Option {@code round_doubles: N} rounds every floating-point number to
 * N decimal places (Zeek's JSON writes full binary precision where its TSV writes 6 places).
 *
 * <p>Guarantees: pure and thread-safe; anything other than one JSON object raises {@link RecordParseException}
 * naming the column and Jackson's reason.
 */
public final class JsonRecordParser implements RecordParser {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final int roundDoubles;

    /** A parser keeping numbers as written. */
    public JsonRecordParser() {
        this(-1);
    }

    /** A parser rounding floating-point numbers to {@code roundDoubles} places; negative keeps them as written. */
    public JsonRecordParser(int roundDoubles) {
        this.roundDoubles = roundDoubles;
    }

    /** A parser configured from spec options ({@code round_doubles}). */
    public static JsonRecordParser fromOptions(Map<String, String> options) {
        String round = options.get("round_doubles");
        for (String key : options.keySet()) {
            if (!key.equals("round_doubles")) {
                throw new IllegalArgumentException("unknown json parser option '" + key + "'; known: round_doubles");
            }
        }
        try {
            return new JsonRecordParser(round == null ? -1 : Integer.parseInt(round));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("json parser option round_doubles must be a whole number, not '" + round + "'");
        }
    }

    @Override
    public Map<String, Object> parse(String payload, ParseContext context) throws RecordParseException {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = FACTORY.createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new RecordParseException("expected a JSON object, found "
                        + (first == null ? "nothing" : describe(first)) + " at column 1");
            }
            readObject(parser, "", fields);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new RecordParseException("unexpected " + describe(trailing) + " after the JSON object at column "
                        + parser.currentTokenLocation().getColumnNr());
            }
        } catch (JsonParseException e) {
            throw new RecordParseException("invalid JSON at column " + e.getLocation().getColumnNr() + ": "
                    + withoutSourceMarker(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new RecordParseException("invalid JSON: " + e.getMessage(), e);
        }
        return fields;
    }

    private void readObject(JsonParser parser, String prefix, Map<String, Object> fields) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + parser.currentName();
            JsonToken token = parser.nextToken();
            switch (token) {
                case START_OBJECT -> readObject(parser, name + ".", fields);
                case START_ARRAY -> fields.put(name, readArray(parser));
                case VALUE_NULL -> {
                }
                default -> fields.put(name, scalar(parser, token));
            }
        }
    }

    private List<Object> readArray(JsonParser parser) throws IOException {
        List<Object> values = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> values.add(MAPPER.readTree(parser).toString());
                case VALUE_NULL -> {
                }
                default -> values.add(scalar(parser, token));
            }
        }
        return values;
    }

    private Object scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getText() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> floating(parser);
            default -> parser.getText();
        };
    }

    /** A double, rounded when configured; a number beyond double's range stays text rather than becoming infinite. */
    private Object floating(JsonParser parser) throws IOException {
        double value = parser.getDoubleValue();
        if (Double.isInfinite(value)) {
            return parser.getText();
        }
        return roundDoubles < 0 ? value
                : new BigDecimal(value).setScale(roundDoubles, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Jackson appends where an open object started, naming a redacted source; the column already says where. */
    private static String withoutSourceMarker(String message) {
        int marker = message.indexOf(" (start marker at");
        return marker < 0 ? message : message.substring(0, marker);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "'" + token.asString() + "'";
        };
    }
}
