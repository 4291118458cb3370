package dev.vigil.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a simulation into a directory: one UTF-8, newline-terminated file per format, {@code labels.jsonl} with one
 * object per labelled line, and {@code manifest.json} describing the run.
 *
 * <p>Guarantees: every known format file exists after construction, even if it stays empty; line numbers in
 * {@code labels.jsonl} are 1-based and refer to the file named beside them; the manifest is written by
 * {@link #finish} and is deterministic for given options. Existing files of the same names are replaced.
 */
public final class DirectorySink implements SimulationSink, Closeable {

    /** Name of the labels file. */
    public static final String LABELS = "labels.jsonl";
    /** Name of the manifest file. */
    public static final String MANIFEST = "manifest.json";

    private final Path dir;
    private final Map<String, Output> outputs = new LinkedHashMap<>();
    private final Writer labels;
    private long labelLines;

    private static final class Output {
        final Writer writer;
        final String connector;
        long lines;

        Output(Writer writer, String connector) {
            this.writer = writer;
            this.connector = connector;
        }
    }

    /** Creates {@code dir} if needed and opens every output file. */
    public DirectorySink(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        List<Writer> opened = new ArrayList<>();
        try {
            for (LogFile f : LogFile.values()) {
                Writer w = open(f.fileName);
                opened.add(w);
                outputs.put(f.fileName, new Output(w, f.connector));
            }
            this.labels = open(LABELS);
        } catch (IOException e) {
            for (Writer w : opened) {
                w.close();
            }
            throw e;
        }
    }

    private Writer open(String name) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8), 1 << 17);
    }

    @Override
    public void accept(String connector, String fileName, String line, Label label) throws IOException {
        Output out = outputs.get(fileName);
        if (out == null) {
            if (fileName.contains("/") || fileName.contains("\\") || fileName.equals(LABELS) || fileName.equals(MANIFEST)) {
                throw new IllegalArgumentException("invalid output file name: " + fileName);
            }
            out = new Output(open(fileName), connector);
            outputs.put(fileName, out);
        }
        out.writer.write(line);
        out.writer.write('\n');
        out.lines++;
        if (label != null) {
            labels.write(new Json().str("file", fileName).num("line", out.lines).str("eventId", label.eventId())
                    .str("attackId", label.attackId()).str("kind", label.kind().name()).str("technique", label.technique())
                    .str("tactic", label.tactic()).num("step", label.step()).toString());
            labels.write('\n');
            labelLines++;
        }
    }

    @Override
    public void finish(SimulationSummary summary) throws IOException {
        SimulationOptions o = summary.options();
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("seed", o.seed());
        options.put("hosts", o.hosts());
        options.put("duration", o.duration().toString());
        options.put("start", o.start().toString());
        options.put("end", o.end().toString());
        options.put("attacks", o.attacksInOrder().stream().map(Enum::name).toList());
        m.put("generator", "vigil simulate");
        m.put("options", options);
        Map<String, Object> files = new LinkedHashMap<>();
        outputs.forEach((name, out) -> files.put(name, Map.of("connector", out.connector, "lines", out.lines)));
        m.put("files", files);
        m.put("labels", Map.of("file", LABELS, "lines", labelLines));
        Map<String, Object> attacks = new LinkedHashMap<>();
        summary.attackLines().forEach((kind, lines) -> attacks.put(kind.name(), Map.of(
                "instances", summary.attacks().stream().filter(a -> a.kind() == kind).count(), "labelledLines", lines)));
        m.put("attacks", attacks);
        m.put("notPlaced", summary.notPlaced().stream().map(Enum::name).toList());
        List<Map<String, Object>> planted = new ArrayList<>();
        for (SimulationSummary.Attack a : summary.attacks()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", a.id());
            p.put("kind", a.kind().name());
            p.put("start", a.start().toString());
            p.put("host", a.host());
            p.put("user", a.user());
            planted.add(p);
        }
        m.put("planted", planted);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Files.writeString(dir.resolve(MANIFEST), mapper.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        List<Writer> all = new ArrayList<>();
        outputs.values().forEach(o -> all.add(o.writer));
        all.add(labels);
        for (Writer w : all) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
