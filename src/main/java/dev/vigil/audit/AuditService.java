package dev.vigil.audit;

import dev.vigil.audit.note.SignedNote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The audit chain as operators and assessors see it on the running appliance: verify now, the latest checkpoint,
 * the key, and where shipping stands. Verification reads the files on disk, not memory, so it sees tampering.
 */
public final class AuditService {

    private final AuditTrail trail;
    private final AuditCheckpointer checkpointer;
    private final CheckpointStore store;
    private final Supplier<List<String>> shippingStatus;

    public AuditService(AuditTrail trail, AuditCheckpointer checkpointer, CheckpointStore store,
                        Supplier<List<String>> shippingStatus) {
        this.trail = trail;
        this.checkpointer = checkpointer;
        this.store = store;
        this.shippingStatus = shippingStatus;
    }

    /** The result of verifying now, with the checkpoint it ended on and the state of signing and shipping. */
    public record Report(AuditLogVerifier.LogVerification verification, String checkpoint, String signing,
                         List<String> shipping) {
    }

    /** Signs a checkpoint of everything durable (unless signing has halted) and verifies the whole trail on disk. */
    public Report verifyNow() {
        try {
            checkpointer.signNow();
        } catch (CheckpointGuard.CheckpointRefusedException e) {
            // reported below through halted()
        }
        AuditLogVerifier verifier = new AuditLogVerifier(checkpointer.verifierKey(), store.all(), null);
        try (AuditLines.Reader lines = new AuditLines.Reader(Files.newInputStream(trail.file()))) {
            byte[] line;
            while ((line = lines.next()) != null && lines.lastHadNewline()) {
                verifier.entry(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit trail: " + e.getMessage(), e);
        }
        return new Report(verifier.finish(), latest().map(SignedNote::encoded).orElse(null),
                checkpointer.halted().map(h -> "halted: " + h).orElse("active"), shippingStatus.get());
    }

    /**
     * A checkpoint covering every durable entry: signed now, or, when signing has halted (it refuses a checkpoint
     * inconsistent with one it signed before), the latest one signed. Throws when there is none at all.
     */
    public SignedNote signNow() {
        try {
            return checkpointer.signNow();
        } catch (CheckpointGuard.CheckpointRefusedException e) {
            return latest().orElseThrow(() -> new IllegalStateException("no checkpoint can be signed: " + e.getMessage()));
        }
    }

    public Optional<SignedNote> latest() {
        return checkpointer.latest();
    }

    public String verifierKey() {
        return checkpointer.verifierKey().encoded();
    }

    public AuditTrail trail() {
        return trail;
    }
}
