package dev.vigil.audit.witness;

import dev.vigil.audit.CheckpointStore;
import dev.vigil.audit.merkle.InvalidProofException;
import dev.vigil.audit.merkle.MerkleHasher;
import dev.vigil.audit.merkle.MerkleVerifier;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.NoteSigner;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.note.SignedNote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A C2SP tlog-witness: cosigns a log's checkpoint only if the log's key signed it and it is consistent with the
 * latest checkpoint this witness cosigned for that origin, which it keeps on disk (one file per origin, replaced
 * atomically). Answers as the spec says: 404 unknown origin, 403 no valid log signature, 400 malformed request or
 * old size beyond the checkpoint, 409 old size not the witness's (the body is its size), 422 bad consistency proof,
 * 200 with the cosignature/v1 line. Checks and updates for one origin are serialised.
 */
public final class Witness {

    private final NoteSigner signer;
    private final Map<String, NoteVerifierKey> logKeys;
    private final Path stateDir;
    private final Clock clock;
    private final MerkleVerifier verifier = new MerkleVerifier(new MerkleHasher());

    /** What the witness answers. */
    public record Answer(int status, String contentType, String body) {
        static Answer text(int status, String body) {
            return new Answer(status, "text/plain; charset=utf-8", body);
        }
    }

    public Witness(NoteSigner signer, List<NoteVerifierKey> logKeys, Path stateDir, Clock clock) {
        this.signer = signer;
        this.logKeys = logKeys.stream().collect(Collectors.toMap(NoteVerifierKey::name, Function.identity()));
        this.stateDir = stateDir;
        this.clock = clock;
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + stateDir + ": " + e.getMessage(), e);
        }
    }

    public NoteVerifierKey cosignerKey() {
        return signer.cosignerKey();
    }

    /** Handles one add-checkpoint request body. */
    public Answer addCheckpoint(String body) {
        AddCheckpointRequest request;
        SignedNote note;
        Checkpoint checkpoint;
        try {
            request = AddCheckpointRequest.parse(body);
            note = SignedNote.parse(request.note());
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            return Answer.text(400, "bad request: " + e.getMessage() + "\n");
        }
        NoteVerifierKey key = logKeys.get(checkpoint.origin());
        if (key == null) {
            return Answer.text(404, "unknown log origin '" + checkpoint.origin() + "'\n");
        }
        try {
            note.verify(key);
        } catch (IllegalArgumentException e) {
            return Answer.text(403, "the checkpoint is not signed by the log's key: " + e.getMessage() + "\n");
        }
        if (request.oldSize() > checkpoint.size()) {
            return Answer.text(400, "old size " + request.oldSize() + " is beyond the checkpoint size " + checkpoint.size() + "\n");
        }
        synchronized (this) {
            Optional<Checkpoint> latest = latest(checkpoint.origin());
            long latestSize = latest.map(Checkpoint::size).orElse(0L);
            if (request.oldSize() != latestSize) {
                return new Answer(409, "text/x.tlog.size", latestSize + "\n");
            }
            if (latest.isPresent() && latestSize == checkpoint.size() && !latest.get().sameRoot(checkpoint)) {
                return Answer.text(409, "fork: a checkpoint of size " + latestSize + " with another root was cosigned\n");
            }
            try {
                verifier.verifyConsistency(latestSize, checkpoint.size(),
                        latest.map(Checkpoint::rootHash).orElse(new byte[32]), checkpoint.rootHash(), request.proof());
            } catch (InvalidProofException e) {
                return Answer.text(422, "bad consistency proof: " + e.getMessage() + "\n");
            }
            try {
                CheckpointStore.writeAtomically(file(checkpoint.origin()), note.encoded());
            } catch (IOException e) {
                return Answer.text(500, "cannot store the checkpoint: " + e.getMessage() + "\n");
            }
        }
        return new Answer(200, "text/plain; charset=utf-8",
                signer.cosign(checkpoint.body(), clock.instant().getEpochSecond()).line());
    }

    /** The latest checkpoint this witness cosigned for an origin. */
    public Optional<Checkpoint> latest(String origin) {
        Path f = file(origin);
        try {
            return Files.exists(f) ? Optional.of(Checkpoint.parse(SignedNote.parse(Files.readString(f)).text())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private Path file(String origin) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
            return stateDir.resolve(HexFormat.of().formatHex(h) + ".checkpoint");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
