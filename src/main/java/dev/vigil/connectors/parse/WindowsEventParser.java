package dev.vigil.connectors.parse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses one Windows event in any of the JSON shapes collectors write and gives them all one shape: the System
 * values under Windows' own names ({@code EventID} as {@link Long}, {@code Channel}, {@code Computer},
 * {@code Provider_Name}, {@code ProviderGuid}, {@code EventRecordID} as {@link Long}, {@code TimeCreated},
 * {@code Level}, {@code Task}, {@code Opcode}, {@code Keywords}, {@code Version}, {@code ProcessID},
 * {@code ThreadID}, {@code UserID}), {@code Message} when the collector rendered one, and every EventData and
 * UserData value top-level under its own name ({@code Image}, {@code CommandLine}, {@code TargetUserName}: the names
 * Sigma rules use; spaces removed as Sigma's field-naming rule says, so Defender's {@code Threat Name} is
 * {@code ThreatName}). A System value wins when an EventData key has the same name.
 *
 * <p>Shapes, detected per record: evtx_dump ({@code Event.System.*} with {@code #attributes}, {@code Event.EventData.*});
 * Winlogbeat 7+ ({@code winlog.event_id}, {@code winlog.event_data.*}); Winlogbeat 6 ({@code event_id},
 * {@code log_name}, {@code event_data.*}); NXLog {@code im_msvistalog} (flat {@code EventID}, {@code Channel},
 * {@code Hostname}, EventData keys flat, with NXLog's own transport fields removed).
 *
 * <p>Guarantees: pure and thread-safe; a record that is not JSON, matches none of the shapes, or has no numeric
 * {@code EventID} raises {@link RecordParseException} saying which.
 */
public final class WindowsEventParser implements RecordParser {

    private static final Map<String, String> WINLOGBEAT = system(
            "winlog.event_id", "EventID", "winlog.channel", "Channel", "winlog.computer_name", "Computer",
            "winlog.provider_name", "Provider_Name", "winlog.provider_guid", "ProviderGuid",
            "winlog.record_id", "EventRecordID", "winlog.process.pid", "ProcessID",
            "winlog.process.thread.id", "ThreadID", "winlog.user.identifier", "UserID", "winlog.version", "Version",
            "winlog.task", "Task", "winlog.opcode", "Opcode", "winlog.keywords", "Keywords", "log.level", "Level",
            "message", "Message", "@timestamp", "TimeCreated");
    private static final Map<String, String> WINLOGBEAT_6 = system(
            "event_id", "EventID", "log_name", "Channel", "computer_name", "Computer", "source_name", "Provider_Name",
            "provider_guid", "ProviderGuid", "record_number", "EventRecordID", "process_id", "ProcessID",
            "thread_id", "ThreadID", "user.identifier", "UserID", "version", "Version", "task", "Task",
            "opcode", "Opcode", "keywords", "Keywords", "level", "Level", "message", "Message",
            "@timestamp", "TimeCreated");
    private static final Map<String, String> EVTX = system(
            "Event.System.EventID", "EventID", "Event.System.EventID.#text", "EventID",
            "Event.System.Channel", "Channel", "Event.System.Computer", "Computer",
            "Event.System.Provider.#attributes.Name", "Provider_Name",
            "Event.System.Provider.#attributes.Guid", "ProviderGuid",
            "Event.System.EventRecordID", "EventRecordID",
            "Event.System.Execution.#attributes.ProcessID", "ProcessID",
            "Event.System.Execution.#attributes.ThreadID", "ThreadID",
            "Event.System.Security.#attributes.UserID", "UserID", "Event.System.Version", "Version",
            "Event.System.Level", "Level", "Event.System.Task", "Task", "Event.System.Opcode", "Opcode",
            "Event.System.Keywords", "Keywords", "Event.System.TimeCreated.#attributes.SystemTime", "TimeCreated",
            "Event.RenderingInfo.Message", "Message");
    private static final Map<String, String> NXLOG = system(
            "EventID", "EventID", "Channel", "Channel", "Hostname", "Computer", "SourceName", "Provider_Name",
            "ProviderGuid", "ProviderGuid", "RecordNumber", "EventRecordID", "ExecutionProcessID", "ProcessID",
            "ThreadID", "ThreadID", "UserID", "UserID", "Version", "Version", "Level", "Level", "Task", "Task",
            "Opcode", "Opcode", "Keywords", "Keywords", "Message", "Message", "TimeCreated", "TimeCreated");
    /** NXLog's own bookkeeping, not part of the Windows event. */
    private static final Set<String> NXLOG_TRANSPORT = Set.of("EventReceivedTime", "SourceModuleName",
            "SourceModuleType", "Severity", "SeverityValue", "EventTypeOrignal", "OpcodeValue", "@version", "@timestamp",
            "EventTime", "host", "port", "tags");

    private final JsonRecordParser json = new JsonRecordParser();

    @Override
    public Map<String, Object> parse(String payload, ParseContext context) throws RecordParseException {
        Map<String, Object> flat = json.parse(payload, context);
        Map<String, Object> out = new LinkedHashMap<>();
        if (flat.containsKey("Event.System.EventID") || flat.containsKey("Event.System.EventID.#text")) {
            copySystem(flat, EVTX, out);
            copyData(flat, "Event.EventData.", out);
            copyUserData(flat, "Event.UserData.", out);
        } else if (flat.containsKey("winlog.event_id")) {
            copySystem(flat, WINLOGBEAT, out);
            copyData(flat, "winlog.event_data.", out);
            copyUserData(flat, "winlog.user_data.", out);
        } else if (flat.containsKey("event_id") && (flat.containsKey("log_name") || flat.containsKey("source_name"))) {
            copySystem(flat, WINLOGBEAT_6, out);
            copyData(flat, "event_data.", out);
            copyUserData(flat, "user_data.", out);
        } else if (flat.containsKey("EventID")) {
            copySystem(flat, NXLOG, out);
            if (!out.containsKey("TimeCreated")) {
                Object time = flat.containsKey("@timestamp") ? flat.get("@timestamp") : flat.get("EventTime");
                if (time != null) {
                    out.put("TimeCreated", time);
                }
            }
            for (Map.Entry<String, Object> field : flat.entrySet()) {
                if (!NXLOG.containsKey(field.getKey()) && !NXLOG_TRANSPORT.contains(field.getKey())) {
                    out.putIfAbsent(field.getKey(), field.getValue());
                }
            }
        } else {
            throw new RecordParseException("not a Windows event: expected evtx_dump (Event.System.EventID), "
                    + "Winlogbeat (winlog.event_id or event_id with log_name) or NXLog (EventID) JSON");
        }
        out.put("EventID", number(out.get("EventID"), "EventID", true));
        if (out.containsKey("EventRecordID")) {
            out.put("EventRecordID", number(out.get("EventRecordID"), "EventRecordID", false));
        }
        return out;
    }

    private static Map<String, String> system(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static void copySystem(Map<String, Object> flat, Map<String, String> names, Map<String, Object> out) {
        names.forEach((from, to) -> {
            Object value = flat.get(from);
            if (value != null) {
                out.putIfAbsent(to, value);
            }
        });
    }

    private static void copyData(Map<String, Object> flat, String prefix, Map<String, Object> out) {
        for (Map.Entry<String, Object> field : flat.entrySet()) {
            String key = field.getKey();
            if (key.startsWith(prefix) && !key.startsWith("#attributes", prefix.length())) {
                out.putIfAbsent(sigmaName(key.substring(prefix.length())), field.getValue());
            }
        }
    }

    /** Sigma's rule for field names: as the log writes them, with spaces removed ({@code Threat Name} is {@code ThreatName}). */
    private static String sigmaName(String name) {
        return name.indexOf(' ') < 0 ? name : name.replace(" ", "");
    }

    /** UserData holds one element named by the event's schema; its children are the values. */
    private static void copyUserData(Map<String, Object> flat, String prefix, Map<String, Object> out) {
        for (Map.Entry<String, Object> field : flat.entrySet()) {
            String key = field.getKey();
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                int dot = rest.indexOf('.');
                String name = dot < 0 ? rest : rest.substring(dot + 1);
                if (!name.startsWith("#attributes") && !name.contains(".#attributes")) {
                    out.putIfAbsent(sigmaName(name), field.getValue());
                }
            }
        }
    }

    private static Object number(Object value, String name, boolean required) throws RecordParseException {
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof String text && !text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 19) {
            return Long.valueOf(text);
        }
        if (value == null && !required) {
            return null;
        }
        if (!required) {
            return value;
        }
        throw new RecordParseException("Windows event " + (value == null ? "has no " + name
                : "has " + name + " '" + value + "', not a number"));
    }
}
