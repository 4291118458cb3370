package dev.vigil.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.note.SignedNote;
import dev.vigil.cli.VigilCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit API and CLI against a started appliance, and the export verified as an assessor would, offline. */
@Timeout(120)
class AuditEndToEndTest {

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of("vigil.audit.origin", "vigil.e2e/audit",
                "vigil.audit.checkpoint-interval", "1h", "vigil.audit.checkpoint-entries", "1000"));
    }

    @AfterAll
    static void stop() {
        vigil.close();
    }

    @Test
    void entriesCheckpointKeyAndVerifyOverTheApi() throws Exception {
        assertEquals(201, vigil.post("/api/v1/tokens", "Bearer " + vigil.adminToken, "application/json",
                "{\"name\":\"audit-e2e\",\"scope\":\"READ\"}").statusCode());
        JsonNode entries = json(vigil.get("/api/v1/audit?action=token.create&limit=5", "Bearer " + vigil.adminToken));
        assertEquals("token.create", entries.get(entries.size() - 1).path("action").asText());
        assertEquals(403, vigil.get("/api/v1/audit?tenant=other", "Bearer " + vigil.adminToken).statusCode());
        assertEquals(401, vigil.get("/api/v1/audit", null).statusCode());

        JsonNode verify = json(vigil.post("/api/v1/audit/verify", "Bearer " + vigil.adminToken, "application/json", "{}"));
        assertTrue(verify.path("valid").asBoolean(), verify.toString());
        assertEquals("active", verify.path("signing").asText());
        long size = verify.path("checkpoint").path("size").asLong();
        assertEquals(verify.path("entries").asLong(), size);

        NoteVerifierKey key = NoteVerifierKey.parse(json(vigil.get("/api/v1/audit/key", "Bearer " + vigil.adminToken)).path("key").asText());
        assertEquals("vigil.e2e/audit", key.name());
        JsonNode cp = json(vigil.get("/api/v1/audit/checkpoint", "Bearer " + vigil.adminToken));
        SignedNote note = SignedNote.parse(cp.path("note").asText());
        note.verify(key);
        assertEquals(size, Checkpoint.parse(note.text()).size());
    }

    @Test
    void theCliExportsAndAnOfflineVerifierChecksIt() throws Exception {
        Path export = tmp.resolve("audit-export.zip");
        String dataDir = vigil.dataDir.toString();
        assertEquals(0, VigilCommand.execute("audit", "export", export.toString(), "--data-dir", dataDir));
        Path keyFile = tmp.resolve("log.vkey");
        Files.writeString(keyFile, Files.readString(vigil.dataDir.resolve("audit/checkpoint.vkey")));
        Path nowhere = tmp.resolve("no-such-data-dir");
        assertEquals(0, VigilCommand.execute("audit", "verify", export.toString(), "--key", keyFile.toString(),
                "--data-dir", nowhere.toString()));
        assertTrue(Files.notExists(nowhere), "offline verification needs and makes no data directory");
        Path trusted = tmp.resolve("trusted.note");
        Files.writeString(trusted, Files.readString(vigil.dataDir.resolve("audit/checkpoint.latest")));
        assertEquals(0, VigilCommand.execute("audit", "verify", export.toString(), "--key", keyFile.toString(),
                "--trusted", trusted.toString()));
        assertEquals(2, VigilCommand.execute("audit", "verify", export.toString()), "no key is a usage error");
        String otherKey = NoteVerifierKey.of("vigil.e2e/audit", NoteVerifierKey.ED25519, new byte[32]).encoded();
        assertEquals(1, VigilCommand.execute("audit", "verify", export.toString(), "--key", otherKey));
        assertEquals(0, VigilCommand.execute("audit", "verify", "--data-dir", dataDir));
        assertEquals(0, VigilCommand.execute("audit", "key", "--data-dir", dataDir));
        assertEquals(0, VigilCommand.execute("audit", "checkpoint", "--data-dir", dataDir));
        assertEquals(0, VigilCommand.execute("audit", "log", "--data-dir", dataDir, "--limit", "3", "--json"));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return RunningAppliance.JSON.readTree(r.body());
    }
}
