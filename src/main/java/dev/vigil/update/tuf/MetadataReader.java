package dev.vigil.update.tuf;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code signed} part of each role's metadata into its record. Pure; does not check signatures.
 *
 * <p>Guarantees: the {@code _type} must match the role; versions are positive; expiry is an ISO-8601 instant; target
 * names are relative paths of safe segments under their type's folder (no {@code ..}, no absolute path, no
 * backslash), so a name can never point outside the staging directory; every problem is an
 * {@link UpdateRejectedException} ({@link Rejection#MALFORMED}) naming the file and field.
 */
public final class MetadataReader {

    /** Safe relative paths: segments of letters, digits, '.', '_', '-' that do not start with a dot. */
    private static final Pattern TARGET_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){1,8}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private MetadataReader() {
    }

    public static RootMetadata root(SignedEnvelope envelope) {
        JsonNode s = typed(envelope, Role.ROOT);
        Map<String, Ed25519Key> keys = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object(envelope, s, "keys").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                keys.put(e.getKey(), Ed25519Key.fromJson(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw malformed(envelope, "key " + e.getKey() + ": " + ex.getMessage());
            }
        }
        Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
        JsonNode rolesNode = object(envelope, s, "roles");
        for (Role role : Role.values()) {
            JsonNode r = rolesNode.get(role.id());
            if (r == null || !r.path("keyids").isArray()) {
                throw malformed(envelope, "roles." + role.id() + " with keyids and threshold is required");
            }
            Set<String> ids = new HashSet<>();
            for (JsonNode id : r.get("keyids")) {
                if (!keys.containsKey(id.asText())) {
                    throw malformed(envelope, "roles." + role.id() + " names key " + id.asText() + ", which is not in keys");
                }
                ids.add(id.asText());
            }
            long threshold = positive(envelope, r, "threshold");
            if (threshold > ids.size()) {
                throw malformed(envelope, "roles." + role.id() + " threshold " + threshold + " exceeds its " + ids.size() + " keys");
            }
            roles.put(role, new RoleKeys(ids, (int) threshold));
        }
        return new RootMetadata((int) positive(envelope, s, "version"), expires(envelope, s), keys, roles);
    }

    public static TimestampMetadata timestamp(SignedEnvelope envelope) {
        JsonNode s = typed(envelope, Role.TIMESTAMP);
        return new TimestampMetadata(positive(envelope, s, "version"), expires(envelope, s),
                meta(envelope, s, Role.SNAPSHOT));
    }

    public static SnapshotMetadata snapshot(SignedEnvelope envelope) {
        JsonNode s = typed(envelope, Role.SNAPSHOT);
        return new SnapshotMetadata(positive(envelope, s, "version"), expires(envelope, s), meta(envelope, s, Role.TARGETS));
    }

    public static TargetsMetadata targets(SignedEnvelope envelope) {
        JsonNode s = typed(envelope, Role.TARGETS);
        Map<String, TargetFile> targets = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object(envelope, s, "targets").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode t = e.getValue();
            if (!TARGET_NAME.matcher(name).matches()) {
                throw malformed(envelope, "target name '" + name + "' is not a safe relative path under a content folder");
            }
            String sha = t.path("hashes").path("sha256").asText();
            if (!SHA256.matcher(sha).matches()) {
                throw malformed(envelope, "target " + name + " needs hashes.sha256 (64 lower-case hex digits)");
            }
            String typeText = t.path("custom").path("type").asText();
            TargetType type = TargetType.of(typeText).orElseThrow(() -> malformed(envelope, "target " + name
                    + " has custom.type '" + typeText + "'; use rules, models, connectors or intel"));
            if (!name.startsWith(type.folder() + "/")) {
                throw malformed(envelope, "target " + name + " of type " + type.folder() + " must be under " + type.folder() + "/");
            }
            long length = nonNegative(envelope, t, "length", name);
            long contentVersion = t.path("custom").has("version") ? positive(envelope, t.path("custom"), "version") : 1;
            targets.put(name, new TargetFile(name, length, sha, type, contentVersion));
        }
        return new TargetsMetadata(positive(envelope, s, "version"), expires(envelope, s), targets);
    }

    private static MetaFile meta(SignedEnvelope envelope, JsonNode s, Role described) {
        JsonNode m = object(envelope, s, "meta").get(described.fileName());
        if (m == null || !m.isObject()) {
            throw malformed(envelope, "meta." + described.fileName() + " is required");
        }
        long length = m.has("length") ? nonNegative(envelope, m, "length", described.fileName()) : -1;
        String sha = null;
        if (m.has("hashes")) {
            sha = m.path("hashes").path("sha256").asText();
            if (!SHA256.matcher(sha).matches()) {
                throw malformed(envelope, "meta." + described.fileName() + ".hashes needs sha256 (64 lower-case hex digits)");
            }
        }
        return new MetaFile(positive(envelope, m, "version"), length, sha);
    }

    private static JsonNode typed(SignedEnvelope envelope, Role role) {
        JsonNode s = envelope.signed();
        if (!role.id().equals(s.path("_type").asText())) {
            throw malformed(envelope, "_type is '" + s.path("_type").asText() + "', expected '" + role.id() + "'");
        }
        return s;
    }

    private static JsonNode object(SignedEnvelope envelope, JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw malformed(envelope, "'" + field + "' must be an object");
        }
        return n;
    }

    private static long positive(SignedEnvelope envelope, JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber() || n.longValue() < 1) {
            throw malformed(envelope, "'" + field + "' must be a positive integer");
        }
        return n.longValue();
    }

    private static long nonNegative(SignedEnvelope envelope, JsonNode parent, String field, String of) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw malformed(envelope, of + ": '" + field + "' must be a non-negative integer");
        }
        return n.longValue();
    }

    private static Instant expires(SignedEnvelope envelope, JsonNode s) {
        try {
            return Instant.parse(s.path("expires").asText());
        } catch (DateTimeParseException e) {
            throw malformed(envelope, "'expires' must be an ISO-8601 instant such as 2030-01-01T00:00:00Z");
        }
    }

    private static UpdateRejectedException malformed(SignedEnvelope envelope, String why) {
        return new UpdateRejectedException(Rejection.MALFORMED, envelope.file(), why);
    }
}
