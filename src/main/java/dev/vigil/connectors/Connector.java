package dev.vigil.connectors;

import dev.vigil.connectors.parse.ParseContext;
import dev.vigil.connectors.parse.RecordParseException;
import dev.vigil.connectors.parse.RecordParser;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connector ready to run: its spec compiled once into a plan (parser built, patterns compiled, conditions as sets)
 * so that normalising a record does no lookups or compilation.
 *
 * <p>Guarantees: immutable and thread-safe; {@link #normalize} is pure and never throws — a record the parser refuses
 * becomes {@link NormalizedEvent#unparsed} with the parser's reason, and an unexpected failure does too, with the
 * connector named. A missing or unreadable timestamp is not an error: the receive time is used.
 */
public final class Connector {

    private final ConnectorSpec spec;
    private final RecordParser parser;
    private final List<CompiledStep> steps;
    private final List<Map.Entry<String, String>> copies;
    private final List<Map.Entry<String, FieldType>> types;

    private Connector(ConnectorSpec spec, RecordParser parser, List<CompiledStep> steps) {
        this.spec = spec;
        this.parser = parser;
        this.steps = steps;
        this.copies = List.copyOf(spec.copy().entrySet());
        this.types = List.copyOf(spec.types().entrySet());
    }

    /** Compiles a spec; a parser or pattern it cannot use raises {@link ConnectorSpecException}. */
    public static Connector compile(ConnectorSpec spec, ParserRegistry parsers) {
        RecordParser parser;
        try {
            parser = parsers.create(spec.parser().name(), spec.parser().options());
        } catch (IllegalArgumentException e) {
            throw new ConnectorSpecException(spec.source(), 1, e.getMessage(), e);
        }
        List<CompiledStep> steps = new ArrayList<>();
        for (ConnectorSpec.StepSpec step : spec.steps()) {
            steps.add(CompiledStep.compile(step, spec.source()));
        }
        return new Connector(spec, parser, List.copyOf(steps));
    }

    /** The connector's unique name (its folder's name). */
    public String name() {
        return spec.name();
    }

    /** One line for operators. */
    public String description() {
        return spec.description();
    }

    /** The spec this connector was compiled from. */
    public ConnectorSpec spec() {
        return spec;
    }

    /** Parses and normalises one record; never throws. */
    public NormalizedEvent normalize(RawEvent raw) {
        try {
            ParseContext context = new ParseContext(raw.receivedAt(), spec.zone());
            Map<String, Object> fields = new LinkedHashMap<>(parser.parse(raw.payload(), context));
            LogSource logSource = spec.logSource();
            for (CompiledStep step : steps) {
                logSource = step.apply(fields, logSource);
            }
            for (Map.Entry<String, String> copy : copies) {
                Object value = fields.get(copy.getKey());
                if (value != null) {
                    fields.putIfAbsent(copy.getValue(), value);
                }
            }
            for (Map.Entry<String, FieldType> type : types) {
                Object value = fields.get(type.getKey());
                if (value != null) {
                    fields.put(type.getKey(), type.getValue().convert(value, spec.zone()));
                }
            }
            for (String drop : spec.drop()) {
                fields.remove(drop);
            }
            return new NormalizedEvent(raw.sequence(), raw.tenant(), timestamp(fields, raw.receivedAt()),
                    raw.receivedAt(), spec.name(), logSource, fields, raw.payload(), null);
        } catch (RecordParseException e) {
            return NormalizedEvent.unparsed(raw, spec.logSource(), e.getMessage());
        } catch (RuntimeException e) {
            return NormalizedEvent.unparsed(raw, spec.logSource(),
                    "connector '" + spec.name() + "' failed on this record: " + e);
        }
    }

    /** A new framer for one stream, as the spec's framing says. */
    public LineFramer newLineFramer() {
        if (spec.framing() == Framing.JSON) {
            return new JsonLineFramer(spec.recordsPath());
        }
        return newRecordFramer();
    }

    /** Cuts a whole document (a file's text) into records, each with the line it starts on. */
    public List<Framed> frameDocument(String text) {
        RecordFramer framer = newRecordFramer();
        List<Framed> records = new ArrayList<>();
        int lineNumber = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            records.addAll(framer.frame(line, ++lineNumber));
        }
        records.addAll(framer.finish());
        return records;
    }

    private RecordFramer newRecordFramer() {
        return switch (spec.framing()) {
            case LINE -> new PlainLineFramer();
            case JSON -> new JsonFramer(spec.recordsPath());
            case ZEEK_TSV -> new ZeekTsvFramer();
        };
    }

    private Instant timestamp(Map<String, Object> fields, Instant receivedAt) {
        for (String field : spec.timestamp()) {
            Optional<Instant> parsed = Timestamps.parse(fields.get(field), spec.zone());
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        return receivedAt;
    }

    @Override
    public String toString() {
        return "Connector[" + spec.name() + "]";
    }
}
