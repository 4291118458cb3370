package dev.vigil.connectors;

import dev.vigil.connectors.parse.AuditdParser;
import dev.vigil.connectors.parse.CefParser;
import dev.vigil.connectors.parse.JsonRecordParser;
import dev.vigil.connectors.parse.KeyValueParser;
import dev.vigil.connectors.parse.LeefParser;
import dev.vigil.connectors.parse.RecordParser;
import dev.vigil.connectors.parse.SyslogParser;
import dev.vigil.connectors.parse.WindowsEventParser;
import dev.vigil.connectors.parse.ZeekTsvParser;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Maps the parser names a spec may use to factories that build a {@link RecordParser} from the spec's options.
 *
 * <p>Guarantees: immutable; {@link #create} either returns a ready parser or throws {@link IllegalArgumentException}
 * naming the unknown parser (with the known ones) or the bad option. The standard registry knows {@code syslog},
 * {@code auditd}, {@code cef}, {@code leef}, {@code keyvalue} (options {@code pair_separator},
 * {@code value_separator}, {@code key_prefix}), {@code json} (option {@code round_doubles}), {@code zeek-tsv} and
 * {@code windows}.
 */
public final class ParserRegistry {

    private final Map<String, Function<Map<String, String>, RecordParser>> factories;

    /** A registry of exactly the given factories. */
    public ParserRegistry(Map<String, Function<Map<String, String>, RecordParser>> factories) {
        this.factories = Collections.unmodifiableMap(new TreeMap<>(factories));
    }

    /** The parsers Vigil ships. */
    public static ParserRegistry standard() {
        return new ParserRegistry(Map.of(
                "syslog", options -> noOptions("syslog", options, new SyslogParser()),
                "auditd", options -> noOptions("auditd", options, new AuditdParser()),
                "cef", options -> noOptions("cef", options, new CefParser()),
                "leef", options -> noOptions("leef", options, new LeefParser()),
                "keyvalue", ParserRegistry::keyValue,
                "json", JsonRecordParser::fromOptions,
                "zeek-tsv", options -> noOptions("zeek-tsv", options, new ZeekTsvParser()),
                "windows", options -> noOptions("windows", options, new WindowsEventParser())));
    }

    /** The known parser names, sorted. */
    public Set<String> names() {
        return factories.keySet();
    }

    /** A new parser of the named kind configured with {@code options}. */
    public RecordParser create(String name, Map<String, String> options) {
        Function<Map<String, String>, RecordParser> factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown parser '" + name + "'; known: " + String.join(", ", names()));
        }
        return factory.apply(options);
    }

    private static RecordParser noOptions(String name, Map<String, String> options, RecordParser parser) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("parser '" + name + "' takes no options, got " + options.keySet());
        }
        return parser;
    }

    private static RecordParser keyValue(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!Set.of("pair_separator", "value_separator", "key_prefix").contains(key)) {
                throw new IllegalArgumentException("unknown keyvalue parser option '" + key
                        + "'; known: pair_separator, value_separator, key_prefix");
            }
        }
        return new KeyValueParser(options.get("pair_separator"), options.getOrDefault("value_separator", "="),
                options.getOrDefault("key_prefix", ""));
    }
}
