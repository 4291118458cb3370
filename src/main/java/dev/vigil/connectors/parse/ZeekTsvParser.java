package dev.vigil.connectors.parse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses one Zeek TSV record as framed by the {@code zeek-tsv} framing: the carried header lines ({@code #separator},
 * {@code #set_separator}, {@code #empty_field}, {@code #unset_field}, {@code #path}, {@code #fields},
 * {@code #types}), one per line, then the data line.
 *
 * <p>Output matches what Zeek's JSON writer (with ISO-8601 timestamps) gives for the same record: {@code _path} from
 * {@code #path}; unset fields left out; {@code time} as an ISO-8601 instant in UTC with six fraction digits (Zeek JSON's form); {@code count}, {@code int} and
 * {@code port} as {@link Long}; {@code interval} and {@code double} as {@link Double}; {@code bool} as
 * {@link Boolean}; {@code set[...]}/{@code vector[...]} as lists of their element type (empty for the empty marker);
 * other types as text, with Zeek's {@code \\} and {@code \xNN} escapes decoded and the empty marker read as an empty string.
 *
 * <p>Guarantees: pure; header blocks are parsed once and cached per distinct block (bounded); a record without a
 * {@code #fields} header, with a column count differing from it, or with a value its type does not allow raises
 * {@link RecordParseException} naming the column.
 */
public final class ZeekTsvParser implements RecordParser {

    private static final int MAX_CACHED_SCHEMAS = 256;
    private static final java.time.format.DateTimeFormatter ZEEK_TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Schema(String separator, String setSeparator, String emptyField, String unsetField, String path,
                          String[] fields, String[] types) {
    }

    @Override
    public Map<String, Object> parse(String payload, ParseContext context) throws RecordParseException {
        int dataStart = payload.lastIndexOf('\n') + 1;
        if (dataStart == 0) {
            throw new RecordParseException("Zeek TSV record without a #fields header (was the file framed as zeek-tsv?)");
        }
        Schema schema = schema(payload.substring(0, dataStart - 1));
        String[] values = payload.substring(dataStart).split(java.util.regex.Pattern.quote(schema.separator()), -1);
        if (values.length != schema.fields().length) {
            throw new RecordParseException("Zeek TSV record has " + values.length + " columns; #fields declares "
                    + schema.fields().length);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (schema.path() != null) {
            fields.put("_path", schema.path());
        }
        for (int i = 0; i < values.length; i++) {
            String raw = values[i];
            if (raw.equals(schema.unsetField())) {
                continue;
            }
            String type = schema.types() == null ? "string" : schema.types()[i];
            fields.put(schema.fields()[i], convert(raw, type, schema, schema.fields()[i]));
        }
        return fields;
    }

    private Schema schema(String headerText) throws RecordParseException {
        Schema cached = schemas.get(headerText);
        if (cached != null) {
            return cached;
        }
        Schema schema = readSchema(headerText);
        if (schemas.size() >= MAX_CACHED_SCHEMAS) {
            schemas.clear();
        }
        schemas.put(headerText, schema);
        return schema;
    }

    private static Schema readSchema(String headerText) throws RecordParseException {
        String separator = "\t";
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : headerText.split("\n")) {
            if (line.startsWith("#separator")) {
                separator = unescape(line.substring("#separator".length()).strip());
            }
        }
        for (String line : headerText.split("\n")) {
            if (!line.startsWith("#separator")) {
                int cut = line.indexOf(separator);
                if (cut > 0) {
                    headers.put(line.substring(1, cut), line.substring(cut + separator.length()));
                }
            }
        }
        String fields = headers.get("fields");
        if (fields == null) {
            throw new RecordParseException("Zeek TSV record without a #fields header");
        }
        String[] names = fields.split(java.util.regex.Pattern.quote(separator), -1);
        String types = headers.get("types");
        String[] typeNames = types == null ? null : types.split(java.util.regex.Pattern.quote(separator), -1);
        if (typeNames != null && typeNames.length != names.length) {
            throw new RecordParseException("Zeek TSV #types has " + typeNames.length + " entries; #fields has " + names.length);
        }
        return new Schema(separator, headers.getOrDefault("set_separator", ","), headers.getOrDefault("empty_field", "(empty)"),
                headers.getOrDefault("unset_field", "-"), headers.get("path"), names, typeNames);
    }

    private static Object convert(String raw, String type, Schema schema, String field) throws RecordParseException {
        int bracket = type.indexOf('[');
        if (bracket > 0 && type.endsWith("]")) {
            String elementType = type.substring(bracket + 1, type.length() - 1);
            List<Object> list = new ArrayList<>();
            if (raw.equals(schema.emptyField())) {
                return list;
            }
            for (String element : raw.split(java.util.regex.Pattern.quote(schema.setSeparator()), -1)) {
                list.add(scalar(element, elementType, field));
            }
            return list;
        }
        if (raw.equals(schema.emptyField()) && !isNumeric(type)) {
            return "";
        }
        return scalar(raw, type, field);
    }

    private static boolean isNumeric(String type) {
        return switch (type) {
            case "count", "int", "port", "interval", "double", "time", "bool" -> true;
            default -> false;
        };
    }

    private static Object scalar(String raw, String type, String field) throws RecordParseException {
        try {
            return switch (type) {
                case "count", "int", "port" -> Long.parseLong(raw);
                case "interval", "double" -> Double.parseDouble(raw);
                case "bool" -> switch (raw) {
                    case "T" -> Boolean.TRUE;
                    case "F" -> Boolean.FALSE;
                    default -> throw new RecordParseException("Zeek field '" + field + "' is bool but holds '" + raw + "'");
                };
                case "time" -> epochToIso(raw);
                default -> unescape(raw);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new RecordParseException("Zeek field '" + field + "' is " + type + " but holds '" + raw + "'");
        }
    }

    /** Formats as Zeek's JSON writer does with ISO-8601 timestamps: UTC, always six fraction digits. */
    private static String epochToIso(String raw) {
        BigDecimal seconds = new BigDecimal(raw);
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        return ZEEK_TIME.format(Instant.ofEpochSecond(whole.longValueExact(), nanos));
    }

    /** Decodes Zeek's escapes: {@code \\} for a backslash, {@code \xNN} for a byte (bytes read as UTF-8). */
    private static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '\\') {
                bytes.write('\\');
                i++;
            } else if (c == '\\' && i + 3 < raw.length() && raw.charAt(i + 1) == 'x'
                    && Character.digit(raw.charAt(i + 2), 16) >= 0 && Character.digit(raw.charAt(i + 3), 16) >= 0) {
                bytes.write(Integer.parseInt(raw, i + 2, i + 4, 16));
                i += 3;
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] encoded = Character.toString(codePoint).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
