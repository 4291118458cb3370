package dev.vigil.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.tenancy.TenantId;
import dev.vigil.update.DurableFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <data>/control/switches.json}: the switch settings, replaced atomically on every change.
 *
 * <p>Guarantees: a write survives power loss whole or not at all; {@link #read} returns the table or throws naming
 * what is wrong (missing, not JSON, a bad entry) — it never guesses.
 */
public final class SwitchStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public SwitchStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Creates an empty store on first start (when its directory does not exist yet); true if it did. */
    public boolean initialiseIfNew() throws IOException {
        if (Files.exists(file.getParent())) {
            return false;
        }
        write(SwitchTable.EMPTY);
        return true;
    }

    public SwitchTable read() throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " is missing");
        }
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.path("settings").isArray()) {
            throw new IOException(file + " has no 'settings' array");
        }
        List<SwitchSetting> settings = new ArrayList<>();
        for (JsonNode n : root.get("settings")) {
            try {
                SwitchTarget target = new SwitchTarget(
                        n.hasNonNull("feature") ? AiFeature.parse(n.get("feature").asText()) : null,
                        n.hasNonNull("tenant") ? TenantId.of(n.get("tenant").asText()) : null,
                        n.hasNonNull("site") ? n.get("site").asText() : null,
                        n.hasNonNull("modelVersion") ? n.get("modelVersion").asText() : null);
                if (!n.path("enabled").isBoolean()) {
                    throw new IllegalArgumentException("'enabled' must be true or false");
                }
                settings.add(new SwitchSetting(target, n.get("enabled").asBoolean(), n.path("reason").asText(),
                        n.path("actor").asText(), Instant.parse(n.path("at").asText())));
            } catch (RuntimeException e) {
                throw new IOException(file + ": bad setting " + n + ": " + e.getMessage(), e);
            }
        }
        return new SwitchTable(settings, false);
    }

    public void write(SwitchTable table) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        var array = root.putArray("settings");
        for (SwitchSetting s : table.settings()) {
            ObjectNode n = array.addObject();
            SwitchTarget t = s.target();
            n.put("feature", t.feature() == null ? null : t.feature().id());
            n.put("tenant", t.tenant() == null ? null : t.tenant().value());
            n.put("site", t.site());
            n.put("modelVersion", t.modelVersion());
            n.put("enabled", s.enabled()).put("reason", s.reason()).put("actor", s.actor()).put("at", s.at().toString());
        }
        DurableFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
    }
}
