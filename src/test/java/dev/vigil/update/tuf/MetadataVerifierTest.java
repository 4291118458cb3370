package dev.vigil.update.tuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TUF's client checks on bundle metadata, one attack or guarantee per test. */
class MetadataVerifierTest {

    private static final List<TargetFile> RULES = List.of(TufRepository.target("rules/a.yml", "title: a\n"));

    private final TufRepository repo = new TufRepository();

    private UpdateRejectedException rejected(TrustedState trusted, BundleMetadata bundle, Instant now) {
        return assertThrows(UpdateRejectedException.class, () -> MetadataVerifier.verify(trusted, bundle, now));
    }

    @Test
    void aCorrectlySignedFreshReleaseIsAcceptedAndAdvancesEveryVersion() {
        VerifiedMetadata v = MetadataVerifier.verify(repo.pinnedFirstRoot(), repo.release(3, RULES), repo.now);
        assertEquals(3, v.next().timestampVersion());
        assertEquals(3, v.next().snapshotVersion());
        assertEquals(3, v.next().targetsVersion());
        assertEquals(repo.now, v.next().timeFloor());
        assertEquals(RULES.getFirst(), v.targets().targets().get("rules/a.yml"));
    }

    @Test
    void arbitraryInstallation_targetsSignedByAnUnknownKeyAreRefused() {
        BundleMetadata genuine = repo.release(2, RULES);
        repo.keys.put(Role.TARGETS, List.of(SigningKey.generate())); // the attacker's key, not in the trusted root
        BundleMetadata forged = repo.release(2, List.of(TufRepository.target("rules/a.yml", "evil")));
        BundleMetadata mixed = new BundleMetadata(genuine.roots(), forged.timestamp(), forged.snapshot(), forged.targets());
        repo.keys.put(Role.SNAPSHOT, repo.keys.get(Role.TARGETS));
        UpdateRejectedException e = rejected(repo.pinnedFirstRoot(), mixed, repo.now);
        assertEquals(Rejection.UNTRUSTED, e.rejection());
        assertEquals("targets.json", e.file());
    }

    @Test
    void unsignedMetadataIsRefused() {
        BundleMetadata release = repo.release(2, RULES);
        byte[] unsigned = MetadataBuilder.unsigned("timestamp.json",
                (ObjectNode) SignedEnvelope.parse("timestamp.json", release.timestamp()).signed()).bytes();
        UpdateRejectedException e = rejected(repo.pinnedFirstRoot(),
                new BundleMetadata(release.roots(), unsigned, release.snapshot(), release.targets()), repo.now);
        assertEquals(Rejection.UNTRUSTED, e.rejection());
        assertTrue(e.getMessage().contains("0 valid signature(s)"), e.getMessage());
    }

    @Test
    void rollback_anOlderReleaseIsRefusedAfterANewerOneWasAccepted() {
        TrustedState after5 = MetadataVerifier.verify(repo.pinnedFirstRoot(), repo.release(5, RULES), repo.now).next();
        UpdateRejectedException e = rejected(after5, repo.release(4, RULES), repo.now);
        assertEquals(Rejection.ROLLBACK, e.rejection());
    }

    @Test
    void rollback_theSameReleaseCannotBeInstalledTwice() {
        BundleMetadata release = repo.release(5, RULES);
        TrustedState after5 = MetadataVerifier.verify(repo.pinnedFirstRoot(), release, repo.now).next();
        assertEquals(Rejection.ROLLBACK, rejected(after5, release, repo.now).rejection());
    }

    @Test
    void rollback_aNewTimestampOverAnOlderTargetsVersionIsRefused() {
        TrustedState after5 = MetadataVerifier.verify(repo.pinnedFirstRoot(), repo.release(5, RULES), repo.now).next();
        UpdateRejectedException e = rejected(after5, repo.release(6, 6, 4, RULES), repo.now);
        assertEquals(Rejection.ROLLBACK, e.rejection());
        assertEquals("snapshot.json", e.file());
    }

    @Test
    void indefiniteFreeze_expiredMetadataIsRefused() {
        BundleMetadata release = repo.release(2, RULES);
        UpdateRejectedException e = rejected(repo.pinnedFirstRoot(), release, repo.now.plus(Duration.ofDays(31)));
        assertEquals(Rejection.EXPIRED, e.rejection());
    }

    @Test
    void indefiniteFreeze_turningTheClockBackDoesNotMakeAnExpiredReleaseFresh() {
        BundleMetadata old = repo.release(2, RULES);
        repo.now = repo.now.plus(Duration.ofDays(60));
        TrustedState later = MetadataVerifier.verify(repo.pinnedFirstRoot(), repo.release(1, RULES), repo.now).next();
        TrustedState beforeOld = new TrustedState(later.rootEnvelope(), later.root(), 1, 1, 1, later.timeFloor());
        Instant clockTurnedBack = Instant.parse("2026-03-02T00:00:00Z"); // inside the old release's validity
        UpdateRejectedException e = rejected(beforeOld, old, clockTurnedBack);
        assertEquals(Rejection.EXPIRED, e.rejection());
        assertTrue(e.getMessage().contains("the later of the clock and the last accepted update"), e.getMessage());
    }

    @Test
    void theTimeFloorNeverMovesBackward() {
        TrustedState trusted = MetadataVerifier.verify(repo.pinnedFirstRoot(), repo.release(1, RULES), repo.now).next();
        TrustedState next = MetadataVerifier.verify(trusted, repo.release(2, RULES), repo.now.minusSeconds(3600)).next();
        assertEquals(repo.now, next.timeFloor());
    }

    @Test
    void mixAndMatch_aSnapshotFromAnotherReleaseIsRefused() {
        BundleMetadata a = repo.release(2, RULES);
        BundleMetadata b = repo.release(3, List.of(TufRepository.target("rules/b.yml", "title: b\n")));
        UpdateRejectedException e = rejected(repo.pinnedFirstRoot(),
                new BundleMetadata(a.roots(), b.timestamp(), a.snapshot(), a.targets()), repo.now);
        assertEquals(Rejection.MISMATCH, e.rejection());
        assertEquals("snapshot.json", e.file());
    }

    @Test
    void mixAndMatch_targetsFromAnotherReleaseAreRefused() {
        BundleMetadata a = repo.release(2, RULES);
        BundleMetadata b = repo.release(3, List.of(TufRepository.target("rules/b.yml", "title: b\n")));
        UpdateRejectedException e = rejected(repo.pinnedFirstRoot(),
                new BundleMetadata(a.roots(), b.timestamp(), b.snapshot(), a.targets()), repo.now);
        assertEquals(Rejection.MISMATCH, e.rejection());
        assertEquals("targets.json", e.file());
    }

    @Test
    void keyCompromise_oneRootKeyOfAThresholdOfTwoCannotRotateTheRoot() {
        TufRepository twoOfThree = TufRepository.withRootKeys(3, 2);
        TrustedState pinned = twoOfThree.pinnedFirstRoot();
        SigningKey stolen = twoOfThree.keys.get(Role.ROOT).getFirst();
        twoOfThree.keys.put(Role.ROOT, new ArrayList<>(List.of(stolen)));
        twoOfThree.keys.put(Role.TARGETS, List.of(SigningKey.generate()));
        twoOfThree.thresholds.put(Role.ROOT, 1);
        twoOfThree.publishRoot(List.of());
        UpdateRejectedException e = rejected(pinned, twoOfThree.release(2, RULES), twoOfThree.now);
        assertEquals(Rejection.UNTRUSTED, e.rejection());
        assertEquals("2.root.json", e.file());
    }

    @Test
    void keyCompromise_oneKeySigningTwiceCountsOnce() {
        TufRepository repo2 = new TufRepository();
        repo2.roots.clear();
        repo2.keys.get(Role.TARGETS).add(SigningKey.generate());
        repo2.thresholds.put(Role.TARGETS, 2);
        repo2.publishRoot(List.of());
        BundleMetadata release = repo2.release(2, RULES);
        SignedEnvelope targets = SignedEnvelope.parse("targets.json", release.targets());
        SignedEnvelope.KeySignature one = targets.signatures().getFirst();
        SignedEnvelope doubled = new SignedEnvelope("targets.json", targets.signed(), List.of(one, one), targets.signedBytes());
        byte[] tg = doubled.bytes();
        BundleMetadata forged = resign(repo2, release, tg);
        UpdateRejectedException e = rejected(repo2.pinnedFirstRoot(), forged, repo2.now);
        assertEquals(Rejection.UNTRUSTED, e.rejection());
        assertTrue(e.getMessage().startsWith("targets.json: 1 valid signature(s)"), e.getMessage());
    }

    @Test
    void keyCompromise_theSameKeyUnderTwoIdsCountsOnce() {
        SigningKey key = repo.keys.get(Role.TARGETS).getFirst();
        ObjectNode root = MetadataBuilder.root(1, repo.now.plus(Duration.ofDays(365)),
                Map.of(Role.ROOT, repo.keys.get(Role.ROOT).stream().map(SigningKey::publicKey).toList(),
                        Role.TIMESTAMP, List.of(repo.keys.get(Role.TIMESTAMP).getFirst().publicKey()),
                        Role.SNAPSHOT, List.of(repo.keys.get(Role.SNAPSHOT).getFirst().publicKey()),
                        Role.TARGETS, List.of(key.publicKey())),
                Map.of(Role.TARGETS, 1));
        String alias = "aa".repeat(32);
        ((ObjectNode) root.get("keys")).set(alias, key.publicKey().toJson());
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("roles").get("targets").get("keyids")).add(alias);
        ((ObjectNode) root.get("roles").get("targets")).put("threshold", 2);
        SignedEnvelope signedRoot = MetadataSigner.sign(MetadataBuilder.unsigned("1.root.json", root), repo.keys.get(Role.ROOT));
        TrustedState trusted = TrustedState.pinned(signedRoot.bytes(), "1.root.json");
        BundleMetadata release = repo.release(2, RULES);
        SignedEnvelope targets = SignedEnvelope.parse("targets.json", release.targets());
        SignedEnvelope.KeySignature real = targets.signatures().getFirst();
        SignedEnvelope twice = new SignedEnvelope("targets.json", targets.signed(),
                List.of(real, new SignedEnvelope.KeySignature(alias, real.signature())), targets.signedBytes());
        UpdateRejectedException e = rejected(trusted, resign(repo, release, twice.bytes()), repo.now);
        assertEquals(Rejection.UNTRUSTED, e.rejection());
    }

    @Test
    void rootRotation_aNewRootSignedByOldAndNewKeysIsAcceptedAndItsKeysTrusted() {
        TrustedState pinned = repo.pinnedFirstRoot();
        repo.rotate(Role.ROOT);
        repo.rotate(Role.TARGETS);
        VerifiedMetadata v = MetadataVerifier.verify(pinned, repo.release(2, RULES), repo.now);
        assertEquals(3, v.next().root().version());
        assertTrue(v.rootRotated());
    }

    @Test
    void rootRotation_aNewRootSignedOnlyByItsOwnKeysIsRefused() {
        TrustedState pinned = repo.pinnedFirstRoot();
        repo.keys.put(Role.ROOT, new ArrayList<>(List.of(SigningKey.generate())));
        repo.publishRoot(List.of()); // not signed by the old root key
        UpdateRejectedException e = rejected(pinned, repo.release(2, RULES), repo.now);
        assertEquals(Rejection.UNTRUSTED, e.rejection());
        assertTrue(e.getMessage().contains("previous root"), e.getMessage());
    }

    @Test
    void rootRotation_aNewRootNotSignedByItsOwnKeysIsRefused() {
        TrustedState pinned = repo.pinnedFirstRoot();
        List<SigningKey> old = List.copyOf(repo.keys.get(Role.ROOT));
        List<SigningKey> fresh = List.of(SigningKey.generate());
        Map<Role, List<Ed25519Key>> pub = new EnumMap<>(Role.class);
        repo.keys.forEach((role, list) -> pub.put(role, list.stream().map(SigningKey::publicKey).toList()));
        pub.put(Role.ROOT, fresh.stream().map(SigningKey::publicKey).toList());
        SignedEnvelope root2 = MetadataSigner.sign(MetadataBuilder.unsigned("2.root.json",
                MetadataBuilder.root(2, repo.now.plus(Duration.ofDays(365)), pub, repo.thresholds)), old);
        repo.roots.add(root2);
        UpdateRejectedException e = rejected(pinned, repo.release(2, RULES), repo.now);
        assertEquals(Rejection.UNTRUSTED, e.rejection());
        assertTrue(e.getMessage().contains("its own"), e.getMessage());
    }

    @Test
    void rootRotation_aMissingIntermediateRootIsRefused() {
        TrustedState pinned = repo.pinnedFirstRoot();
        repo.rotate(Role.ROOT);
        repo.rotate(Role.ROOT);
        BundleMetadata release = repo.release(2, RULES);
        List<SignedEnvelope> gap = List.of(release.roots().get(0), release.roots().get(2));
        UpdateRejectedException e = rejected(pinned,
                new BundleMetadata(gap, release.timestamp(), release.snapshot(), release.targets()), repo.now);
        assertEquals(Rejection.MALFORMED, e.rejection());
        assertTrue(e.getMessage().contains("every intermediate root"), e.getMessage());
    }

    @Test
    void rootRotation_anExpiredNewestRootIsRefused() {
        TrustedState pinned = repo.pinnedFirstRoot();
        UpdateRejectedException e = rejected(pinned, repo.release(2, RULES), repo.now.plus(Duration.ofDays(400)));
        assertEquals(Rejection.EXPIRED, e.rejection());
        assertEquals("1.root.json", e.file());
    }

    @Test
    void fastForward_aTimestampVersionPushedUpWithAStolenKeyIsRecoveredByRotatingThatKey() {
        TrustedState pinned = repo.pinnedFirstRoot();
        TrustedState fastForwarded = MetadataVerifier.verify(pinned, repo.release(1_000_000, 2, 2, RULES), repo.now).next();
        assertEquals(Rejection.ROLLBACK, rejected(fastForwarded, repo.release(3, RULES), repo.now).rejection());
        repo.rotate(Role.TIMESTAMP);
        repo.rotate(Role.SNAPSHOT);
        VerifiedMetadata recovered = MetadataVerifier.verify(fastForwarded, repo.release(3, RULES), repo.now);
        assertEquals(3, recovered.next().timestampVersion());
    }

    @Test
    void fastForward_aTimestampSignedBelowThresholdCannotPushTheVersionUp() {
        TufRepository strict = new TufRepository();
        strict.roots.clear();
        strict.keys.get(Role.TIMESTAMP).add(SigningKey.generate());
        strict.thresholds.put(Role.TIMESTAMP, 2);
        strict.publishRoot(List.of());
        TrustedState pinned = strict.pinnedFirstRoot();
        strict.keys.get(Role.TIMESTAMP).removeLast(); // the attacker holds one of the two timestamp keys
        UpdateRejectedException e = rejected(pinned, strict.release(1_000_000, 2, 2, RULES), strict.now);
        assertEquals(Rejection.UNTRUSTED, e.rejection());
        assertEquals("timestamp.json", e.file());
    }

    @Test
    void unsafeTargetNamesAreRefused() {
        BundleMetadata release = repo.release(2, List.of(new TargetFile("rules/../../etc/passwd", 1, "a".repeat(64),
                TargetType.RULES, 1)));
        UpdateRejectedException e = rejected(repo.pinnedFirstRoot(), release, repo.now);
        assertEquals(Rejection.MALFORMED, e.rejection());
        assertTrue(e.getMessage().contains("not a safe relative path"), e.getMessage());
    }

    @Test
    void aTargetOutsideItsTypesFolderIsRefused() {
        BundleMetadata release = repo.release(2, List.of(new TargetFile("models/a.yml", 1, "a".repeat(64),
                TargetType.RULES, 1)));
        assertEquals(Rejection.MALFORMED, rejected(repo.pinnedFirstRoot(), release, repo.now).rejection());
    }

    /** Re-issues snapshot and timestamp over new targets bytes, as an attacker holding those two keys would. */
    private static BundleMetadata resign(TufRepository r, BundleMetadata release, byte[] targets) {
        Instant expires = r.now.plus(r.validity);
        byte[] sn = r.sign(Role.SNAPSHOT, MetadataBuilder.unsigned("snapshot.json",
                MetadataBuilder.snapshot(2, expires, 2, targets))).bytes();
        byte[] ts = r.sign(Role.TIMESTAMP, MetadataBuilder.unsigned("timestamp.json",
                MetadataBuilder.timestamp(2, expires, 2, sn))).bytes();
        return new BundleMetadata(release.roots(), ts, sn, targets);
    }
}
