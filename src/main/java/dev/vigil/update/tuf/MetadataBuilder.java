package dev.vigil.update.tuf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code signed} part of each role's metadata in TUF's format (spec version 1.0), unsigned; the vendor
 * signs it with {@link MetadataSigner}. Pure.
 */
public final class MetadataBuilder {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MetadataBuilder() {
    }

    /** An unsigned envelope around {@code signed}. */
    public static SignedEnvelope unsigned(String file, ObjectNode signed) {
        return new SignedEnvelope(file, signed, List.of(), CanonicalJson.bytes(signed));
    }

    /** Root metadata: for each role, its keys and threshold. */
    public static ObjectNode root(int version, Instant expires, Map<Role, ? extends Collection<Ed25519Key>> keys,
                                  Map<Role, Integer> thresholds) {
        ObjectNode s = header(Role.ROOT, version, expires);
        s.put("consistent_snapshot", false);
        ObjectNode keyNodes = s.putObject("keys");
        ObjectNode roles = s.putObject("roles");
        for (Role role : Role.values()) {
            ObjectNode r = roles.putObject(role.id());
            var ids = r.putArray("keyids");
            for (Ed25519Key key : keys.containsKey(role) ? keys.get(role) : List.<Ed25519Key>of()) {
                keyNodes.set(key.keyId(), key.toJson());
                ids.add(key.keyId());
            }
            r.put("threshold", thresholds.getOrDefault(role, 1));
        }
        return s;
    }

    public static ObjectNode targets(long version, Instant expires, Collection<TargetFile> targets) {
        ObjectNode s = header(Role.TARGETS, version, expires);
        ObjectNode t = s.putObject("targets");
        for (TargetFile file : targets) {
            ObjectNode n = t.putObject(file.name());
            n.put("length", file.length());
            n.putObject("hashes").put("sha256", file.sha256());
            n.putObject("custom").put("type", file.type().folder()).put("version", file.contentVersion());
        }
        return s;
    }

    /** Snapshot metadata naming the targets metadata by version, length and hash. */
    public static ObjectNode snapshot(long version, Instant expires, long targetsVersion, byte[] targetsFile) {
        ObjectNode s = header(Role.SNAPSHOT, version, expires);
        meta(s, Role.TARGETS, targetsVersion, targetsFile);
        return s;
    }

    /** Timestamp metadata naming the snapshot metadata by version, length and hash. */
    public static ObjectNode timestamp(long version, Instant expires, long snapshotVersion, byte[] snapshotFile) {
        ObjectNode s = header(Role.TIMESTAMP, version, expires);
        meta(s, Role.SNAPSHOT, snapshotVersion, snapshotFile);
        return s;
    }

    private static void meta(ObjectNode s, Role role, long version, byte[] file) {
        ObjectNode m = s.putObject("meta").putObject(role.fileName());
        m.put("version", version);
        if (file != null) {
            m.put("length", file.length);
            m.putObject("hashes").put("sha256", Sha256.hex(file));
        }
    }

    private static ObjectNode header(Role role, long version, Instant expires) {
        ObjectNode s = F.objectNode();
        s.put("_type", role.id());
        s.put("spec_version", "1.0.31");
        s.put("version", version);
        s.put("expires", expires.truncatedTo(ChronoUnit.SECONDS).toString());
        return s;
    }
}
