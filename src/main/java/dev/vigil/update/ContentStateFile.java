package dev.vigil.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.update.tuf.TrustedState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data>/content/state.json}: the {@link InstalledContent}, replaced atomically; the pointer that makes a
 * version directory current.
 *
 * <p>Guarantees: a write is all-or-nothing across power loss ({@link DurableFiles#replace}); a read re-checks the
 * stored root's own signatures, so a hand-edited trust state is refused rather than trusted.
 */
public final class ContentStateFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public ContentStateFile(Path file) {
        this.file = file;
    }

    public Optional<InstalledContent> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode n = JSON.readTree(file.toFile());
        JsonNode t = n.path("trust");
        byte[] rootBytes = JSON.writeValueAsBytes(t.path("root"));
        TrustedState pinned = TrustedState.pinned(rootBytes, "state.json root");
        TrustedState trust = new TrustedState(pinned.rootEnvelope(), pinned.root(), t.path("timestamp").asLong(),
                t.path("snapshot").asLong(), t.path("targets").asLong(), Instant.parse(t.path("floor").asText()));
        List<HistoryEntry> history = new ArrayList<>();
        for (JsonNode h : n.path("history")) {
            history.add(new HistoryEntry(Instant.parse(h.path("time").asText()), h.path("action").asText(),
                    h.path("version").asLong(), h.path("directory").asText(), h.path("actor").asText(),
                    h.path("bundle").asText(), h.path("targets").asInt()));
        }
        return Optional.of(new InstalledContent(trust, text(n, "current"), text(n, "previous"), history));
    }

    public void write(InstalledContent content) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("current", content.current());
        n.put("previous", content.previous());
        ObjectNode t = n.putObject("trust");
        t.set("root", JSON.readTree(content.trust().rootEnvelope().bytes()));
        t.put("timestamp", content.trust().timestampVersion());
        t.put("snapshot", content.trust().snapshotVersion());
        t.put("targets", content.trust().targetsVersion());
        t.put("floor", content.trust().timeFloor().toString());
        var history = n.putArray("history");
        for (HistoryEntry h : content.history()) {
            history.addObject().put("time", h.time().toString()).put("action", h.action()).put("version", h.version())
                    .put("directory", h.directory()).put("actor", h.actor()).put("bundle", h.bundleSha256())
                    .put("targets", h.targets());
        }
        DurableFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
