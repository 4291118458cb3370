package dev.vigil.update.tuf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a bundle in one pass, verifying as it goes: metadata first (bounded, then checked by
 * {@link MetadataVerifier}), then each target, read no further than its signed length and hash-checked, into a
 * caller's sink.
 *
 * <p>Guarantees: no target byte reaches the sink before the metadata is verified; a target the signed targets do not
 * list is refused before any of it is read ({@link Rejection#EXTRANEOUS}); a target longer than signed is cut off
 * ({@link Rejection#TOO_LARGE}), a different one refused ({@link Rejection#MISMATCH}); a listed target absent from the
 * bundle is refused ({@link Rejection#MISSING}). When this returns, every byte the sink received was authentic. On a
 * refusal the sink may hold partial data: the caller discards it.
 */
public final class BundleReader {

    /** Where verified target bytes go; {@code open} is called once per target, after its metadata checks. */
    @FunctionalInterface
    public interface TargetSink {
        OutputStream open(TargetFile target) throws IOException;
    }

    /** A sink that only lets the bytes be hashed (for verification without installing). */
    public static final TargetSink DISCARD = target -> OutputStream.nullOutputStream();

    private BundleReader() {
    }

    public static VerifiedMetadata read(InputStream bundle, TrustedState trusted, Instant now, TargetSink sink)
            throws IOException {
        List<SignedEnvelope> roots = new ArrayList<>();
        Map<String, byte[]> metadata = new HashMap<>();
        VerifiedMetadata verified = null;
        Set<String> seen = new HashSet<>();
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(bundle)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (++entries > BundleFormat.MAX_ENTRIES) {
                    throw new UpdateRejectedException(Rejection.TOO_LARGE, name, "more than " + BundleFormat.MAX_ENTRIES + " entries");
                }
                if (!seen.add(name)) {
                    throw new UpdateRejectedException(Rejection.MALFORMED, name, "appears twice in the bundle");
                }
                if (name.startsWith(BundleFormat.METADATA)) {
                    if (verified != null) {
                        throw new UpdateRejectedException(Rejection.MALFORMED, name, "metadata must come before every target");
                    }
                    byte[] bytes = BoundedCopy.readAll(zip, BundleFormat.limitFor(name), name);
                    var rootVersion = BundleFormat.rootVersion(name);
                    if (rootVersion.isPresent()) {
                        roots.add(SignedEnvelope.parse(name.substring(BundleFormat.METADATA.length()), bytes));
                    } else if (isRoleFile(name)) {
                        metadata.put(name, bytes);
                    } else {
                        throw new UpdateRejectedException(Rejection.EXTRANEOUS, name, "is not a metadata file a bundle may carry");
                    }
                } else if (name.startsWith(BundleFormat.TARGETS)) {
                    if (verified == null) {
                        verified = verify(roots, metadata, trusted, now);
                    }
                    readTarget(zip, name.substring(BundleFormat.TARGETS.length()), verified, sink);
                } else {
                    throw new UpdateRejectedException(Rejection.EXTRANEOUS, name, "is neither metadata nor a target");
                }
            }
        } catch (ZipException e) {
            throw new UpdateRejectedException(Rejection.MALFORMED, "bundle", "not a readable bundle archive: " + e.getMessage());
        }
        if (verified == null) {
            verified = verify(roots, metadata, trusted, now);
        }
        TreeSet<String> missing = new TreeSet<>(verified.targets().targets().keySet());
        seen.forEach(n -> missing.remove(n.startsWith(BundleFormat.TARGETS) ? n.substring(BundleFormat.TARGETS.length()) : n));
        if (!missing.isEmpty()) {
            throw new UpdateRejectedException(Rejection.MISSING, missing.first(), "is listed in the signed targets but not in the bundle"
                    + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : ""));
        }
        return verified;
    }

    private static boolean isRoleFile(String name) {
        return name.equals(BundleFormat.metadataEntry(Role.TIMESTAMP)) || name.equals(BundleFormat.metadataEntry(Role.SNAPSHOT))
                || name.equals(BundleFormat.metadataEntry(Role.TARGETS));
    }

    private static VerifiedMetadata verify(List<SignedEnvelope> roots, Map<String, byte[]> metadata, TrustedState trusted,
                                           Instant now) {
        for (Role role : List.of(Role.TIMESTAMP, Role.SNAPSHOT, Role.TARGETS)) {
            if (!metadata.containsKey(BundleFormat.metadataEntry(role))) {
                throw new UpdateRejectedException(Rejection.MISSING, BundleFormat.metadataEntry(role), "the bundle has no " + role.id() + " metadata");
            }
        }
        return MetadataVerifier.verify(trusted, new BundleMetadata(roots,
                metadata.get(BundleFormat.metadataEntry(Role.TIMESTAMP)), metadata.get(BundleFormat.metadataEntry(Role.SNAPSHOT)),
                metadata.get(BundleFormat.metadataEntry(Role.TARGETS))), now);
    }

    private static void readTarget(InputStream zip, String name, VerifiedMetadata verified, TargetSink sink) throws IOException {
        TargetFile target = verified.targets().targets().get(name);
        if (target == null) {
            throw new UpdateRejectedException(Rejection.EXTRANEOUS, name, "is in the bundle but not in the signed targets");
        }
        BoundedCopy.Copied copied;
        try (OutputStream out = sink.open(target)) {
            copied = BoundedCopy.copy(zip, out, target.length(), name);
        }
        if (copied.length() != target.length()) {
            throw new UpdateRejectedException(Rejection.MISMATCH, name, "has " + copied.length() + " bytes, the signed length is " + target.length());
        }
        if (!copied.sha256().equals(target.sha256())) {
            throw new UpdateRejectedException(Rejection.MISMATCH, name, "SHA-256 " + copied.sha256() + " differs from the signed " + target.sha256());
        }
    }
}
