package dev.vigil.connectors.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one IBM QRadar Log Event Extended Format record, version 1.0
 * ({@code LEEF:1.0|Vendor|Product|Version|EventID|k=v<TAB>k=v}) or 2.0
 * ({@code LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|k=v<D>k=v}), optionally preceded by a syslog header.
 *
 * <p>Output: {@code leef.version} (text, {@code 1.0} or {@code 2.0}), {@code leef.vendor}, {@code leef.product},
 * {@code leef.product_version}, {@code leef.event_id}, every attribute key as-is ({@code src}, {@code usrName},
 * {@code devTime}, ...), and the {@code syslog.*} fields of a syslog header before {@code LEEF:}.
 *
 * <p>Guarantees: the LEEF 2.0 delimiter may be one character or its hex code ({@code x09}, {@code 0x5E}); an empty
 * delimiter field means tab. Attribute values run to the next delimiter and are kept exactly. A LEEF 1.0 record whose
 * attributes contain no tab at all (senders that use spaces) is read like a CEF extension instead of being taken as
 * one huge attribute. A record without the {@code LEEF:<v>|} start or with too few header fields is rejected with the reason.
 */
public final class LeefParser implements RecordParser {

    private static final Pattern START = Pattern.compile("LEEF:\\s?(\\d\\.\\d)\\|");
    private static final Pattern HEX_DELIMITER = Pattern.compile("(?:0?[xX])([0-9a-fA-F]{2,4})");
    private static final List<String> HEADER_FIELDS = List.of(
            "leef.vendor", "leef.product", "leef.product_version", "leef.event_id");

    private final SyslogPrefix prefix = new SyslogPrefix();

    @Override
    public Map<String, Object> parse(String payload, ParseContext context) throws RecordParseException {
        Matcher start = START.matcher(payload);
        if (!start.find()) {
            throw new RecordParseException("not a LEEF record: no 'LEEF:<version>|' in '" + SyslogParser.abbreviate(payload, 60) + "'");
        }
        String version = start.group(1);
        boolean v2 = !version.startsWith("1");
        Map<String, Object> fields = new LinkedHashMap<>();
        prefix.read(payload.substring(0, start.start()), context, fields);
        fields.put("leef.version", version);
        String shape = v2 ? "LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|attributes"
                : "LEEF:1.0|Vendor|Product|Version|EventID|attributes";
        PipeHeader.Split header;
        try {
            header = PipeHeader.split(payload.substring(start.end()), 1, HEADER_FIELDS.size() + (v2 ? 1 : 0), shape);
        } catch (RecordParseException e) {
            throw new RecordParseException("LEEF " + e.getMessage());
        }
        for (int i = 0; i < HEADER_FIELDS.size(); i++) {
            fields.put(HEADER_FIELDS.get(i), header.fields().get(i).strip());
        }
        String delimiter = v2 ? delimiter(header.fields().get(HEADER_FIELDS.size())) : "\t";
        String attributes = header.rest();
        if (!v2 && !attributes.contains("\t")) {
            try {
                CefExtension.read(attributes, fields);
            } catch (RecordParseException e) {
                throw new RecordParseException("LEEF attributes: " + e.getMessage());
            }
        } else {
            readAttributes(attributes, delimiter, fields);
        }
        return fields;
    }

    private static String delimiter(String field) throws RecordParseException {
        if (field.isEmpty()) {
            return "\t";
        }
        if (field.length() == 1) {
            return field;
        }
        Matcher hex = HEX_DELIMITER.matcher(field);
        if (!hex.matches()) {
            throw new RecordParseException("LEEF 2.0 delimiter '" + field + "' is neither one character nor a hex code like x09");
        }
        return Character.toString(Integer.parseInt(hex.group(1), 16));
    }

    private static void readAttributes(String text, String delimiter, Map<String, Object> fields) throws RecordParseException {
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf(delimiter, from);
            end = end < 0 ? text.length() : end;
            String attribute = text.substring(from, end);
            if (!attribute.isBlank()) {
                int eq = attribute.indexOf('=');
                if (eq <= 0 || attribute.substring(0, eq).isBlank()) {
                    throw new RecordParseException("LEEF attribute '" + SyslogParser.abbreviate(attribute, 40)
                            + "' is not key=value");
                }
                MultiValues.add(fields, attribute.substring(0, eq).strip(), attribute.substring(eq + 1));
            }
            from = end + delimiter.length();
        }
    }
}
