package dev.vigil.update.tuf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A vendor's TUF repository for tests, built with the production builder and signer: keys per role, the chain of
 * signed roots, and bundles of metadata for chosen versions. Tests tamper with what it produces.
 */
public final class TufRepository {

    public final Map<Role, List<SigningKey>> keys = new EnumMap<>(Role.class);
    public final Map<Role, Integer> thresholds = new EnumMap<>(Role.class);
    public final List<SignedEnvelope> roots = new ArrayList<>();
    public Instant now = Instant.parse("2026-03-01T12:00:00Z");
    public Duration validity = Duration.ofDays(30);

    public TufRepository() {
        for (Role role : Role.values()) {
            keys.put(role, new ArrayList<>(List.of(SigningKey.generate())));
            thresholds.put(role, 1);
        }
        publishRoot(List.of());
    }

    /** A repository whose root role has {@code n} keys and threshold {@code t}. */
    public static TufRepository withRootKeys(int n, int t) {
        TufRepository repo = new TufRepository();
        repo.roots.clear();
        for (int i = 1; i < n; i++) {
            repo.keys.get(Role.ROOT).add(SigningKey.generate());
        }
        repo.thresholds.put(Role.ROOT, t);
        repo.publishRoot(List.of());
        return repo;
    }

    /** Signs the next root with the current root keys plus {@code previousSigners} (the old root's keys after a rotation). */
    public SignedEnvelope publishRoot(List<SigningKey> previousSigners) {
        Map<Role, List<Ed25519Key>> pub = new EnumMap<>(Role.class);
        keys.forEach((role, list) -> pub.put(role, list.stream().map(SigningKey::publicKey).toList()));
        int version = roots.size() + 1;
        SignedEnvelope unsigned = MetadataBuilder.unsigned(version + ".root.json",
                MetadataBuilder.root(version, now.plus(Duration.ofDays(365)), pub, thresholds));
        List<SigningKey> signers = new ArrayList<>(previousSigners);
        signers.addAll(keys.get(Role.ROOT));
        SignedEnvelope signed = MetadataSigner.sign(unsigned, signers);
        roots.add(signed);
        return signed;
    }

    /** Replaces the keys of {@code role} with fresh ones and publishes the next root, signed by old and new root keys. */
    public SignedEnvelope rotate(Role role) {
        List<SigningKey> oldRootKeys = List.copyOf(keys.get(Role.ROOT));
        keys.put(role, new ArrayList<>(List.of(SigningKey.generate())));
        return publishRoot(oldRootKeys);
    }

    public TrustedState pinnedFirstRoot() {
        return TrustedState.pinned(roots.getFirst().bytes(), "1.root.json");
    }

    public static TargetFile target(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new TargetFile(name, bytes.length, Sha256.hex(bytes), TargetType.of(name.substring(0, name.indexOf('/'))).orElseThrow(), 1);
    }

    /** Metadata for one release: every role at {@code version}, signed by each role's current keys. */
    public BundleMetadata release(long version, List<TargetFile> targets) {
        return release(version, version, version, targets);
    }

    public BundleMetadata release(long timestampVersion, long snapshotVersion, long targetsVersion, List<TargetFile> targets) {
        Instant expires = now.plus(validity);
        byte[] tg = sign(Role.TARGETS, MetadataBuilder.unsigned("targets.json",
                MetadataBuilder.targets(targetsVersion, expires, targets))).bytes();
        byte[] sn = sign(Role.SNAPSHOT, MetadataBuilder.unsigned("snapshot.json",
                MetadataBuilder.snapshot(snapshotVersion, expires, targetsVersion, tg))).bytes();
        byte[] ts = sign(Role.TIMESTAMP, MetadataBuilder.unsigned("timestamp.json",
                MetadataBuilder.timestamp(timestampVersion, expires, snapshotVersion, sn))).bytes();
        return new BundleMetadata(roots, ts, sn, tg);
    }

    public SignedEnvelope sign(Role role, SignedEnvelope unsigned) {
        return MetadataSigner.sign(unsigned, keys.get(role));
    }
}
