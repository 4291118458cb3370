package dev.vigil.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A two-day dataset shared by the simulation tests, and readers for its lines. */
final class SimulationFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern AUTH = Pattern.compile(
            "^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ 1-3][0-9]) (\\d{2}:\\d{2}:\\d{2}) ([A-Za-z0-9.-]+) ([A-Za-z_]+)(\\[\\d+])?: (.+)$");
    static final Pattern AUDIT = Pattern.compile(
            "^node=[A-Za-z0-9.-]+ type=(SYSCALL|EXECVE|PROCTITLE) msg=audit\\((\\d{10}\\.\\d{3}):(\\d+)\\): .+$");

    private final Path dir;
    private final SimulationSummary summary;
    private final Map<String, List<String>> cache = new HashMap<>();

    private SimulationFixture(Path dir, SimulationSummary summary) {
        this.dir = dir;
        this.summary = summary;
    }

    /** Monday and Tuesday, 15 hosts, every attack. */
    static SimulationFixture twoDays(Path dir) throws IOException {
        SimulationOptions o = new SimulationOptions(11, 15, Duration.ofHours(48), SimulationOptions.DEFAULT_START,
                EnumSet.allOf(AttackKind.class));
        return new SimulationFixture(dir, Simulator.writeTo(dir, o));
    }

    SimulationSummary summary() {
        return summary;
    }

    Path dir() {
        return dir;
    }

    List<String> lines(String file) {
        return cache.computeIfAbsent(file, f -> {
            try {
                return Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    List<JsonNode> labels() {
        return lines(DirectorySink.LABELS).stream().map(SimulationFixture::parse).toList();
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    /** The instant a line describes, in whichever format it is. */
    static Instant time(String file, String line) {
        switch (file) {
            case "linux-auth.log" -> {
                Matcher m = AUTH.matcher(line);
                if (!m.matches()) {
                    throw new AssertionError("not an auth.log line: " + line);
                }
                String text = "2026 " + m.group(1) + " " + m.group(2).trim() + " " + m.group(3);
                return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy MMM d HH:mm:ss", Locale.ROOT))
                        .toInstant(ZoneOffset.UTC);
            }
            case "linux-auditd.log" -> {
                Matcher m = AUDIT.matcher(line);
                if (!m.matches()) {
                    throw new AssertionError("not an audit line: " + line);
                }
                return Instant.ofEpochMilli(Math.round(Double.parseDouble(m.group(2)) * 1000));
            }
            default -> {
                JsonNode n = parse(line);
                if (n.has("@timestamp")) {
                    return Instant.parse(n.get("@timestamp").asText());
                }
                if (n.has("eventTime")) {
                    return Instant.parse(n.get("eventTime").asText());
                }
                if (n.has("ts")) {
                    return Instant.ofEpochSecond(0, Math.round(n.get("ts").asDouble() * 1e6) * 1000);
                }
                String ts = n.get("timestamp").asText();
                return Instant.parse(ts.substring(0, ts.length() - 5) + "Z");
            }
        }
    }
}
