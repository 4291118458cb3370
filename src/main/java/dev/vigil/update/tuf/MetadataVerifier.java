package dev.vigil.update.tuf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * TUF's client workflow (specification §5.3–5.6) applied to a bundle's metadata, with no I/O and no clock of its own.
 *
 * <p>Guarantees, in the order checked:
 * <ol>
 *   <li>time is the later of {@code now} and the trusted time floor;</li>
 *   <li>each new root N+1 is signed by a threshold of root N's root keys <em>and</em> of its own, versions step by
 *       one, and the newest root is unexpired; if the timestamp or snapshot keys changed, their trusted versions
 *       are forgotten (recovery from a fast-forward attack);</li>
 *   <li>timestamp: threshold of the timestamp keys, unexpired, version strictly newer than the trusted one;</li>
 *   <li>snapshot: length and hash as the timestamp says, threshold, same version as the timestamp names, not older
 *       than trusted, and the targets version it names not older than trusted; unexpired;</li>
 *   <li>targets: length and hash as the snapshot says (if given), threshold, same version the snapshot names,
 *       unexpired.</li>
 * </ol>
 * Any failure throws {@link UpdateRejectedException} naming the file; nothing is returned half-checked.
 */
public final class MetadataVerifier {

    /** The most bytes any single metadata file may have; a bundle reader stops reading there. */
    public static final int MAX_METADATA_BYTES = 4 << 20;
    /** The most roots one bundle may rotate through. */
    public static final int MAX_ROOT_ROTATIONS = 64;

    private MetadataVerifier() {
    }

    public static VerifiedMetadata verify(TrustedState trusted, BundleMetadata bundle, Instant now) {
        Instant time = now.isAfter(trusted.timeFloor()) ? now : trusted.timeFloor();

        SignedEnvelope rootEnvelope = trusted.rootEnvelope();
        RootMetadata root = trusted.root();
        List<SignedEnvelope> roots = new ArrayList<>(bundle.roots());
        roots.sort(Comparator.comparingInt(e -> MetadataReader.root(e).version()));
        int rotations = 0;
        for (SignedEnvelope candidate : roots) {
            RootMetadata next = MetadataReader.root(candidate);
            if (next.version() <= root.version()) {
                continue;
            }
            if (next.version() != root.version() + 1) {
                throw new UpdateRejectedException(Rejection.MALFORMED, candidate.file(), "root version " + next.version()
                        + " does not follow the trusted root version " + root.version() + "; every intermediate root must travel in the bundle");
            }
            if (++rotations > MAX_ROOT_ROTATIONS) {
                throw new UpdateRejectedException(Rejection.TOO_LARGE, candidate.file(), "more than " + MAX_ROOT_ROTATIONS + " root rotations");
            }
            Signatures.requireThreshold(root, Role.ROOT, candidate, "the previous root's (version " + root.version() + ")");
            Signatures.requireThreshold(next, Role.ROOT, candidate, "its own");
            rootEnvelope = candidate;
            root = next;
        }
        if (!root.expires().isAfter(time)) {
            throw expired(rootEnvelope.file(), "root version " + root.version(), root.expires(), time);
        }
        boolean rotated = root.version() != trusted.root().version();
        long trustedTimestamp = trusted.timestampVersion();
        long trustedSnapshot = trusted.snapshotVersion();
        long trustedTargets = trusted.targetsVersion();
        if (!sameKeys(trusted.root(), root, Role.TIMESTAMP)) {
            trustedTimestamp = 0;
        }
        if (!sameKeys(trusted.root(), root, Role.SNAPSHOT)) {
            trustedTimestamp = 0;
            trustedSnapshot = 0;
            trustedTargets = 0;
        }

        SignedEnvelope tsEnvelope = SignedEnvelope.parse(Role.TIMESTAMP.fileName(), bundle.timestamp());
        Signatures.requireThreshold(root, Role.TIMESTAMP, tsEnvelope, "the trusted root's");
        TimestampMetadata timestamp = MetadataReader.timestamp(tsEnvelope);
        if (timestamp.version() <= trustedTimestamp) {
            throw new UpdateRejectedException(Rejection.ROLLBACK, tsEnvelope.file(), "version " + timestamp.version()
                    + " is not newer than the installed version " + trustedTimestamp);
        }
        if (!timestamp.expires().isAfter(time)) {
            throw expired(tsEnvelope.file(), "timestamp", timestamp.expires(), time);
        }

        matches(Role.SNAPSHOT.fileName(), bundle.snapshot(), timestamp.snapshot());
        SignedEnvelope snEnvelope = SignedEnvelope.parse(Role.SNAPSHOT.fileName(), bundle.snapshot());
        Signatures.requireThreshold(root, Role.SNAPSHOT, snEnvelope, "the trusted root's");
        SnapshotMetadata snapshot = MetadataReader.snapshot(snEnvelope);
        if (snapshot.version() != timestamp.snapshot().version()) {
            throw new UpdateRejectedException(Rejection.MISMATCH, snEnvelope.file(), "version " + snapshot.version()
                    + " but the timestamp names version " + timestamp.snapshot().version());
        }
        if (snapshot.version() < trustedSnapshot) {
            throw new UpdateRejectedException(Rejection.ROLLBACK, snEnvelope.file(), "version " + snapshot.version()
                    + " is older than the installed version " + trustedSnapshot);
        }
        if (snapshot.targets().version() < trustedTargets) {
            throw new UpdateRejectedException(Rejection.ROLLBACK, snEnvelope.file(), "names targets version "
                    + snapshot.targets().version() + ", older than the installed version " + trustedTargets);
        }
        if (!snapshot.expires().isAfter(time)) {
            throw expired(snEnvelope.file(), "snapshot", snapshot.expires(), time);
        }

        matches(Role.TARGETS.fileName(), bundle.targets(), snapshot.targets());
        SignedEnvelope tgEnvelope = SignedEnvelope.parse(Role.TARGETS.fileName(), bundle.targets());
        Signatures.requireThreshold(root, Role.TARGETS, tgEnvelope, "the trusted root's");
        TargetsMetadata targets = MetadataReader.targets(tgEnvelope);
        if (targets.version() != snapshot.targets().version()) {
            throw new UpdateRejectedException(Rejection.MISMATCH, tgEnvelope.file(), "version " + targets.version()
                    + " but the snapshot names version " + snapshot.targets().version());
        }
        if (!targets.expires().isAfter(time)) {
            throw expired(tgEnvelope.file(), "targets", targets.expires(), time);
        }
        Instant floor = now.isAfter(trusted.timeFloor()) ? now : trusted.timeFloor();
        TrustedState next = new TrustedState(rootEnvelope, root, timestamp.version(), snapshot.version(),
                targets.version(), floor);
        return new VerifiedMetadata(next, targets, rotated);
    }

    private static void matches(String file, byte[] bytes, MetaFile expected) {
        if (expected.length() >= 0 && bytes.length != expected.length()) {
            throw new UpdateRejectedException(Rejection.MISMATCH, file, "length " + bytes.length + " differs from the signed length "
                    + expected.length());
        }
        if (expected.sha256() != null && !expected.sha256().equals(Sha256.hex(bytes))) {
            throw new UpdateRejectedException(Rejection.MISMATCH, file, "SHA-256 differs from the signed hash");
        }
    }

    private static boolean sameKeys(RootMetadata a, RootMetadata b, Role role) {
        return a.role(role).keyIds().equals(b.role(role).keyIds());
    }

    private static UpdateRejectedException expired(String file, String what, Instant expires, Instant time) {
        return new UpdateRejectedException(Rejection.EXPIRED, file, what + " expired at " + expires
                + " (appliance time " + time + ", the later of the clock and the last accepted update)");
    }
}
