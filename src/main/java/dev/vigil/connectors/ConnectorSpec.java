package dev.vigil.connectors;

import dev.vigil.event.LogSource;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A connector's declaration as read from its {@code connector.yaml}: how to frame a stream, which parser reads a
 * record, and the declarative steps that turn parser output into normalised fields.
 *
 * <p>Guarantees: immutable; every collection is unmodifiable and keeps the order of the file (copies and steps run in
 * that order); {@code recordsPath} is null unless the framing is {@code json}; {@code source} names the file it was read
 * from, for messages.
 *
 * @param name           unique connector name, equal to its folder's name
 * @param description    one line for operators
 * @param transports     transports it may be bound to ({@code syslog-udp}, {@code file}, {@code http}, …)
 * @param framing        how a stream is cut into records
 * @param recordsPath    for {@code json} framing: the key of an array inside each top-level object whose elements are
 *                       the records (CloudTrail's {@code Records}); null when each value is a record
 * @param zone           zone for zone-less timestamps
 * @param parser         the record parser and its options
 * @param timestamp      candidate timestamp fields, first present and readable wins; receive time otherwise
 * @param logSource      Sigma log source unless a step replaces it
 * @param copy           source field to target field, applied in order when the target is still absent
 * @param types          field to type conversion, applied after the copies
 * @param drop           fields removed last
 * @param steps          regex and log-source steps, in order
 * @param source         the file this spec was read from
 */
public record ConnectorSpec(
        String name,
        String description,
        List<String> transports,
        Framing framing,
        String recordsPath,
        ZoneId zone,
        ParserSpec parser,
        List<String> timestamp,
        LogSource logSource,
        Map<String, String> copy,
        Map<String, FieldType> types,
        List<String> drop,
        List<StepSpec> steps,
        Path source) {

    public ConnectorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(logSource, "logSource");
        description = description == null ? "" : description;
        transports = List.copyOf(transports);
        timestamp = List.copyOf(timestamp);
        copy = Collections.unmodifiableMap(new LinkedHashMap<>(copy));
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        drop = List.copyOf(drop);
        steps = List.copyOf(steps);
    }

    /**
     * The parser a connector uses.
     *
     * @param name    a name known to {@link ParserRegistry}
     * @param options parser options as text, unmodifiable, in file order
     */
    public record ParserSpec(String name, Map<String, String> options) {
        public ParserSpec {
            Objects.requireNonNull(name, "name");
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }

    /**
     * One conditional step: when every {@code when} field's text equals one of its listed values, the step's log
     * source (if any) replaces the current one and the first of its patterns that finds a match in {@code field} sets
     * its named groups (dotted names allowed) and constants.
     *
     * @param line      line of the step in the spec file, for messages
     * @param field     field the patterns read; null for a step that only sets a log source
     * @param when      field to accepted values; empty means always
     * @param logSource replacement log source, or null
     * @param patterns  patterns tried in order
     */
    public record StepSpec(int line, String field, Map<String, List<String>> when, List<String> present,
                           LogSource logSource, List<PatternSpec> patterns) {
        public StepSpec {
            present = List.copyOf(present);
            Map<String, List<String>> copyOfWhen = new LinkedHashMap<>();
            when.forEach((key, values) -> copyOfWhen.put(key, List.copyOf(values)));
            when = Collections.unmodifiableMap(copyOfWhen);
            patterns = List.copyOf(patterns);
        }
    }

    /**
     * A regular expression with named groups whose names are field names, and constants set when it matches.
     *
     * @param line  line of the pattern in the spec file, for messages
     * @param match the expression as written (group names may contain dots)
     * @param set   constant fields set on a match
     */
    public record PatternSpec(int line, String match, Map<String, String> set) {
        public PatternSpec {
            Objects.requireNonNull(match, "match");
            set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        }
    }
}
