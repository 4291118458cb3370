package dev.vigil.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.connectors.parse.AuditdParser;
import dev.vigil.connectors.parse.CefParser;
import dev.vigil.connectors.parse.KeyValueParser;
import dev.vigil.connectors.parse.LeefParser;
import dev.vigil.connectors.parse.ParseContext;
import dev.vigil.connectors.parse.RecordParseException;
import dev.vigil.connectors.parse.RecordParser;
import dev.vigil.connectors.parse.SyslogParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs each connector folder this branch owns ({@code connectors/<name>/}): every line of {@code sample} through the
 * parser, extraction steps, ECS copies and types its {@code connector.yaml} declares, and compares the result with
 * {@code expected.json}, line for line. It is a stand-in evaluator of exactly the spec subset these folders use,
 * until the connector framework's own folder runner replaces it. Run with
 * {@code -Dvigil.connectors.write-expected=true} to rewrite expected.json after a deliberate change (then review the diff).
 */
class ConnectorFoldersTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9_.]*)>");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private static final Map<String, RecordParser> PARSERS = Map.of(
            "syslog", new SyslogParser(),
            "auditd", new AuditdParser(),
            "cef", new CefParser(),
            "leef", new LeefParser(),
            "keyvalue", new KeyValueParser());

    @ParameterizedTest
    @ValueSource(strings = {"linux-syslog", "linux-auth", "linux-auditd", "cef"})
    void sampleNormalisesToExpected(String name) throws IOException {
        Path folder = Path.of("connectors", name);
        JsonNode spec = YAML.readTree(folder.resolve("connector.yaml").toFile());
        ObjectNode expected = (ObjectNode) JSON.readTree(folder.resolve("expected.json").toFile());
        ParseContext context = new ParseContext(Instant.parse(expected.get("received_at").asText()),
                ZoneId.of(expected.get("zone").asText()));
        ArrayNode actual = JSON.createArrayNode();
        List<String> lines = Files.readAllLines(folder.resolve("sample"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                actual.add(normalise(spec, lines.get(i), i + 1, context));
            }
        }
        if (Boolean.getBoolean("vigil.connectors.write-expected")) {
            expected.set("events", actual);
            JSON.writeValue(folder.resolve("expected.json").toFile(), expected);
        }
        assertEquals(JSON.writeValueAsString(expected.get("events")), JSON.writeValueAsString(actual));
    }

    private static ObjectNode normalise(JsonNode spec, String line, int lineNumber, ParseContext context) {
        ObjectNode event = JSON.createObjectNode().put("line", lineNumber);
        String parserName = spec.path("parser").path("name").asText();
        RecordParser parser = PARSERS.get(parserName);
        if (parser == null) {
            throw new IllegalStateException("unknown parser '" + parserName + "'");
        }
        Map<String, Object> fields;
        try {
            fields = new LinkedHashMap<>(parser.parse(line, context));
        } catch (RecordParseException e) {
            return event.put("parse_error", e.getMessage());
        }
        Map<String, String> logSource = logSource(spec.path("logsource"));
        for (JsonNode step : spec.path("steps")) {
            applyStep(step, fields, logSource);
        }
        spec.path("copy").fields().forEachRemaining(copy -> {
            Object value = fields.get(copy.getKey());
            if (value != null) {
                fields.putIfAbsent(copy.getValue().asText(), value);
            }
        });
        spec.path("types").fields().forEachRemaining(type -> {
            Object value = fields.get(type.getKey());
            if ("long".equals(type.getValue().asText()) && value instanceof String text && INTEGER.matcher(text).matches()) {
                fields.put(type.getKey(), Long.parseLong(text));
            }
        });
        Object timestamp = fields.get(spec.path("timestamp").asText());
        event.put("timestamp", timestamp == null ? context.receivedAt().toString() : Instant.parse((String) timestamp).toString());
        event.set("logsource", JSON.valueToTree(logSource));
        event.set("fields", JSON.valueToTree(new TreeMap<>(fields)));
        return event;
    }

    private static void applyStep(JsonNode step, Map<String, Object> fields, Map<String, String> logSource) {
        for (Iterator<Map.Entry<String, JsonNode>> it = step.path("when").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> condition = it.next();
            Object value = fields.get(condition.getKey());
            boolean matches = false;
            for (JsonNode allowed : condition.getValue()) {
                matches |= allowed.asText().equals(value);
            }
            if (!matches) {
                return;
            }
        }
        if (step.has("logsource")) {
            logSource.clear();
            logSource.putAll(logSource(step.path("logsource")));
        }
        Object input = fields.get(step.path("field").asText());
        if (!(input instanceof String text)) {
            return;
        }
        for (JsonNode pattern : step.path("patterns")) {
            Map<String, String> groups = new HashMap<>();
            Matcher matcher = compile(pattern.path("match").asText(), groups).matcher(text);
            if (matcher.find()) {
                groups.forEach((javaName, field) -> {
                    String value = matcher.group(javaName);
                    if (value != null && !value.isEmpty()) {
                        fields.put(field, value);
                    }
                });
                pattern.path("set").fields().forEachRemaining(set -> fields.put(set.getKey(), set.getValue().asText()));
                return;
            }
        }
    }

    /** Compiles a pattern whose named groups carry dotted field names, recording Java group name to field name. */
    private static Pattern compile(String regex, Map<String, String> groups) {
        Matcher named = NAMED_GROUP.matcher(regex);
        StringBuilder out = new StringBuilder();
        while (named.find()) {
            String javaName = "g" + groups.size();
            groups.put(javaName, named.group(1));
            named.appendReplacement(out, "(?<" + javaName + ">");
        }
        named.appendTail(out);
        return Pattern.compile(out.toString());
    }

    private static Map<String, String> logSource(JsonNode node) {
        Map<String, String> result = new TreeMap<>();
        node.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }
}
