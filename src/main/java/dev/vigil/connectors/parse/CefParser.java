package dev.vigil.connectors.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one ArcSight Common Event Format record:
 * {@code CEF:Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|Extension}, optionally
 * preceded by a syslog header.
 *
 * <p>Output: {@code cef.version} (number), {@code cef.device_vendor}, {@code cef.device_product},
 * {@code cef.device_version}, {@code cef.signature_id}, {@code cef.name}, {@code cef.severity} (as written: 0-10 or
 * Low/Medium/High/Very-High/Unknown), every extension key as-is ({@code src}, {@code suser}, {@code cs1Label}, ...),
 * and the {@code syslog.*} fields of a syslog header before {@code CEF:} (see {@link SyslogParser}).
 *
 * <p>Guarantees: header fields honour {@code \|} and {@code \\}; extension values honour {@code \=}, {@code \\},
 * {@code \n} and {@code \r} and may contain spaces (see {@link CefExtension}); a record without {@code CEF:<n>|}, with
 * fewer than seven header fields, or with text that is not a pair at the start of the extension is rejected with the
 * reason.
 */
public final class CefParser implements RecordParser {

    private static final Pattern START = Pattern.compile("CEF:\\s?(\\d{1,3})\\|");
    private static final String SHAPE = "CEF:Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|Extension";
    private static final List<String> HEADER_FIELDS = List.of(
            "cef.device_vendor", "cef.device_product", "cef.device_version", "cef.signature_id", "cef.name", "cef.severity");

    private final SyslogPrefix prefix = new SyslogPrefix();

    @Override
    public Map<String, Object> parse(String payload, ParseContext context) throws RecordParseException {
        Matcher start = START.matcher(payload);
        if (!start.find()) {
            throw new RecordParseException("not a CEF record: no 'CEF:<version>|' in '" + SyslogParser.abbreviate(payload, 60) + "'");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        prefix.read(payload.substring(0, start.start()), context, fields);
        fields.put("cef.version", Long.parseLong(start.group(1)));
        PipeHeader.Split header;
        try {
            header = PipeHeader.split(payload.substring(start.end()), 1, HEADER_FIELDS.size(), SHAPE);
        } catch (RecordParseException e) {
            throw new RecordParseException("CEF " + e.getMessage());
        }
        for (int i = 0; i < HEADER_FIELDS.size(); i++) {
            fields.put(HEADER_FIELDS.get(i), header.fields().get(i).strip());
        }
        try {
            CefExtension.read(header.rest(), fields);
        } catch (RecordParseException e) {
            throw new RecordParseException("CEF " + e.getMessage());
        }
        return fields;
    }
}
