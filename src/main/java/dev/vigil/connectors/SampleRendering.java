package dev.vigil.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The form in which a connector folder's {@code expected.json} records what its {@code sample} normalises to: one
 * object per record with its line, timestamp, log source and fields (sorted), or its parse error.
 *
 * <p>Guarantees: pure and deterministic, so the same records always render to the same JSON text.
 */
public final class SampleRendering {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleRendering() {
    }

    public static ArrayNode render(List<TestedRecord> records) {
        ArrayNode out = JSON.createArrayNode();
        records.forEach(r -> out.add(render(r)));
        return out;
    }

    public static ObjectNode render(TestedRecord record) {
        NormalizedEvent event = record.event();
        ObjectNode node = JSON.createObjectNode().put("line", record.lineNumber());
        if (event.hasParseError()) {
            return node.put("parse_error", event.parseError());
        }
        node.put("timestamp", event.timestamp().toString());
        node.set("logsource", JSON.valueToTree(logSource(event.logSource())));
        node.set("fields", JSON.valueToTree(new TreeMap<>(event.fields())));
        return node;
    }

    private static Map<String, String> logSource(LogSource logSource) {
        Map<String, String> map = new TreeMap<>();
        if (logSource.product() != null) {
            map.put("product", logSource.product());
        }
        if (logSource.category() != null) {
            map.put("category", logSource.category());
        }
        if (logSource.service() != null) {
            map.put("service", logSource.service());
        }
        return map;
    }
}
