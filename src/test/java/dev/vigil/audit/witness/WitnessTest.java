package dev.vigil.audit.witness;

import dev.vigil.audit.AuditCheckpointer;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditSigningKey;
import dev.vigil.audit.AuditTrail;
import dev.vigil.audit.CheckpointStore;
import dev.vigil.audit.merkle.MerkleHasher;
import dev.vigil.audit.merkle.MerkleTree;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.NoteSigner;
import dev.vigil.audit.note.SignedNote;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The witness and the appliance's witness client over a real socket, with every answer the spec defines. */
@Timeout(60)
class WitnessTest {

    @TempDir
    Path tmp;
    private AuditTrail trail;
    private AuditCheckpointer checkpointer;
    private NoteSigner logSigner;
    private Witness witness;
    private WitnessServer server;
    private URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        Path audit = tmp.resolve("audit");
        logSigner = AuditSigningKey.loadOrCreate(audit, "checkpoint", "vigil.test/audit");
        trail = new AuditTrail(audit, Clock.systemUTC(), "p1");
        checkpointer = new AuditCheckpointer(trail, logSigner, new CheckpointStore(audit), Clock.systemUTC(), Duration.ofHours(1), 1000);
        witness = new Witness(AuditSigningKey.loadOrCreate(tmp.resolve("witness"), "witness", "witness.test"),
                List.of(logSigner.verifierKey()), tmp.resolve("witness/logs"), Clock.systemUTC());
        server = new WitnessServer(witness, new InetSocketAddress("127.0.0.1", 0));
        url = URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        checkpointer.close();
        trail.close();
    }

    private SignedNote grow(int n) {
        for (int i = 0; i < n; i++) {
            trail.append(new AuditRecord("alice", "admin", TenantId.of("customer"), "rule.update", "r" + i, "a", "b"));
        }
        return checkpointer.signNow();
    }

    @Test
    void theClientGetsVerifiedCosignaturesAndLearnsTheWitnessSize() {
        WitnessClient client = new WitnessClient(url, witness.cosignerKey(), trail);
        SignedNote first = client.send(grow(3));
        assertNotNull(first, client.status());
        assertEquals(2, first.signatures().size());
        assertNotNull(client.send(grow(4)), client.status());
        assertEquals(7, witness.latest("vigil.test/audit").orElseThrow().size());
        WitnessClient fresh = new WitnessClient(url, witness.cosignerKey(), trail); // thinks the witness has nothing
        assertNotNull(fresh.send(grow(2)), fresh.status());
        assertEquals(9, witness.latest("vigil.test/audit").orElseThrow().size());
        WitnessClient impostorKey = new WitnessClient(url,
                AuditSigningKey.loadOrCreate(tmp.resolve("other"), "w", "witness.test").cosignerKey(), trail);
        assertNull(impostorKey.send(grow(1)));
        assertTrue(impostorKey.status().contains("does not verify") || impostorKey.status().contains("no cosignature"),
                impostorKey.status());
    }

    @Test
    void theWitnessAnswersEveryErrorAsTheSpecSays() throws Exception {
        SignedNote three = grow(3);
        assertEquals(200, post(new AddCheckpointRequest(0, List.of(), three.encoded()).encoded()).statusCode());
        SignedNote five = grow(2);
        List<byte[]> proof = trail.consistencyProof(3, 5);

        HttpResponse<String> conflict = post(new AddCheckpointRequest(2, trail.consistencyProof(2, 5), five.encoded()).encoded());
        assertEquals(409, conflict.statusCode());
        assertEquals("3\n", conflict.body());
        assertEquals("text/x.tlog.size", conflict.headers().firstValue("Content-Type").orElseThrow());

        byte[] bad = proof.getFirst().clone();
        bad[0] ^= 1;
        assertEquals(422, post(new AddCheckpointRequest(3, List.of(bad, proof.get(1)), five.encoded()).encoded()).statusCode());
        assertEquals(400, post("old x\n\n" + five.encoded()).statusCode());
        assertEquals(400, post(new AddCheckpointRequest(6, List.of(), five.encoded()).encoded()).statusCode());

        NoteSigner stranger = AuditSigningKey.loadOrCreate(tmp.resolve("stranger"), "k", "stranger.log");
        assertEquals(404, post(new AddCheckpointRequest(0, List.of(),
                stranger.sign(new Checkpoint("stranger.log", 1, new byte[32], List.of()).body()).encoded()).encoded()).statusCode());
        NoteSigner sameNameOtherKey = AuditSigningKey.loadOrCreate(tmp.resolve("forger"), "k", "vigil.test/audit");
        assertEquals(403, post(new AddCheckpointRequest(3, proof,
                sameNameOtherKey.sign(five.text()).encoded()).encoded()).statusCode());

        MerkleHasher h = new MerkleHasher();
        MerkleTree other = new MerkleTree(h);
        for (int i = 0; i < 3; i++) {
            other.append(h.leaf(new byte[]{(byte) i}));
        }
        String forkNote = logSigner.sign(new Checkpoint("vigil.test/audit", 3, other.root(3), List.of()).body()).encoded();
        assertEquals(409, post(new AddCheckpointRequest(3, List.of(), forkNote).encoded()).statusCode(), "same size, other root");

        HttpResponse<String> ok = post(new AddCheckpointRequest(3, proof, five.encoded()).encoded());
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().startsWith("\u2014 witness.test "), ok.body());
        assertEquals(5, witness.latest("vigil.test/audit").orElseThrow().size());
        assertEquals(404, http.send(HttpRequest.newBuilder(url.resolve("/other")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url.resolve("/add-checkpoint")).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
