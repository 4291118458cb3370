package dev.vigil.audit.witness;

import dev.vigil.audit.AuditTrail;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.NoteSignature;
import dev.vigil.audit.note.NoteSigner;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.note.SignedNote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the log's checkpoints to one C2SP tlog-witness ({@code POST <url>/add-checkpoint}) with the consistency
 * proof from the size the witness last cosigned, learns that size from a 409 answer and retries once, and accepts a
 * cosignature only if it verifies with the witness's configured cosigner key. Never throws: each outcome is kept as
 * {@link #status()}. Not for concurrent use; the caller sends from one thread.
 */
public final class WitnessClient {

    private final URI url;
    private final NoteVerifierKey witnessKey;
    private final AuditTrail trail;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long witnessSize;
    private volatile String status = "nothing sent yet";
    private volatile SignedNote cosigned;

    public WitnessClient(URI url, NoteVerifierKey witnessKey, AuditTrail trail) {
        if (witnessKey.algorithm() != NoteVerifierKey.COSIGNATURE_V1) {
            throw new IllegalArgumentException("witness key " + witnessKey.name() + " must be a cosignature/v1 (0x04) key");
        }
        this.url = url.resolve(url.getPath().endsWith("/") ? "add-checkpoint" : url.getPath() + "/add-checkpoint");
        this.witnessKey = witnessKey;
        this.trail = trail;
    }

    /** Parses {@code URL KEY} as configured in {@code vigil.audit.witnesses}. */
    public static WitnessClient configured(String urlAndKey, AuditTrail trail) {
        String[] parts = urlAndKey.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a witness is configured as 'URL KEY', got '" + urlAndKey + "'");
        }
        return new WitnessClient(URI.create(parts[0]), NoteVerifierKey.parse(parts[1]), trail);
    }

    /** Sends a checkpoint; returns the note with the witness's cosignature added, or null. */
    public SignedNote send(SignedNote note) {
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                long old = Math.min(witnessSize, checkpoint.size());
                List<byte[]> proof = old == 0 || old == checkpoint.size() ? List.of()
                        : trail.consistencyProof(old, checkpoint.size());
                String body = new AddCheckpointRequest(old, proof, note.encoded()).encoded();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 409 && r.headers().firstValue("Content-Type").orElse("").startsWith("text/x.tlog.size")) {
                    witnessSize = Long.parseLong(r.body().strip());
                    status = "witness had size " + witnessSize + "; resending";
                    continue;
                }
                if (r.statusCode() != 200) {
                    status = "refused (" + r.statusCode() + "): " + r.body().strip();
                    return null;
                }
                NoteSignature line = NoteSignature.parse(r.body().strip());
                NoteSigner.Cosignatures.verify(witnessKey, checkpoint.body(), List.of(line));
                witnessSize = checkpoint.size();
                cosigned = note.with(line);
                status = "cosigned size " + checkpoint.size() + " at " + Instant.now();
                return cosigned;
            } catch (IOException | IllegalArgumentException e) {
                status = "failed: " + e.getMessage();
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = "interrupted";
                return null;
            }
        }
        return null;
    }

    /** Where this witness stands, for operators. */
    public String status() {
        return witnessKey.name() + " " + url + ": " + status;
    }

    /** The latest checkpoint this witness cosigned, with its cosignature line. */
    public SignedNote cosigned() {
        return cosigned;
    }
}
