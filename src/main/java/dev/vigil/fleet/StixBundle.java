package dev.vigil.fleet;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes promoted fleet artefacts as a STIX 2.1 bundle. Pure: the same artefacts give the same bytes.
 *
 * <p>Guarantees: per artefact one {@code indicator} (spec_version 2.1, id {@code indicator--<UUIDv5>} derived from
 * the artefact type and hash, created/modified/valid_from the promotion time, pattern_type {@code stix} with the
 * pattern {@code [x-vigil-fleet-artefact:hmac_sha256 = '<hash>']} over a custom observable, since only the keyed hash
 * exists) and one summary {@code sighting} of it (sighting_of_ref, count = the distinct consenting tenants that
 * promoted it, first_seen/last_seen, {@code summary: true}) that has no {@code where_sighted_refs} and no
 * {@code observed_data_refs}. Timestamps are UTC with millisecond precision, as STIX requires. Nothing in the bundle
 * names a tenant; an artefact with fewer than its {@code minimum} tenants is refused with an
 * {@link IllegalArgumentException}, so no count below N can be written.
 */
public final class StixBundle {

    /** The namespace of the UUIDv5 ids (the one STIX 2.1 names for deterministic identifiers). */
    public static final UUID NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

    /** The TLP marking definitions STIX 2.1 predefines (TLP 1.0 names; CLEAR is WHITE there). */
    private static final Map<Tlp, String> MARKINGS = Map.of(
            Tlp.CLEAR, "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
            Tlp.GREEN, "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
            Tlp.AMBER, "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82");

    private static final DateTimeFormatter STIX_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonMapper json = JsonMapper.builder().build();

    /** The bundle of the promoted artefacts; {@code minimum} gives N per type. */
    public ObjectNode bundle(List<FleetReceipts.Promoted> promoted, java.util.function.ToIntFunction<ArtefactType> minimum) {
        ArrayNode objects = json.createArrayNode();
        StringBuilder ids = new StringBuilder();
        for (FleetReceipts.Promoted p : promoted) {
            if (p.tenants() < minimum.applyAsInt(p.type()) || p.tlp().restricted()) {
                throw new IllegalArgumentException("artefact " + p.type().external() + ":" + p.hash()
                        + " does not meet the export rules (tenants below N or a restricted marking)");
            }
            String indicatorId = "indicator--" + uuid5("indicator:" + p.type().external() + ":" + p.hash());
            String sightingId = "sighting--" + uuid5("sighting:" + p.type().external() + ":" + p.hash());
            String at = time(p.promotedAt());
            ObjectNode indicator = objects.addObject().put("type", "indicator").put("spec_version", "2.1")
                    .put("id", indicatorId).put("created", at).put("modified", at)
                    .put("name", "Vigil fleet " + p.type().external())
                    .put("description", description(p.type()))
                    .put("pattern", "[x-vigil-fleet-artefact:hmac_sha256 = '" + p.hash() + "']")
                    .put("pattern_type", "stix").put("pattern_version", "2.1").put("valid_from", at);
            indicator.putArray("indicator_types").add("malicious-activity");
            indicator.putArray("labels").add("vigil-fleet").add(p.type().external());
            indicator.putArray("object_marking_refs").add(MARKINGS.get(p.tlp()));
            ObjectNode sighting = objects.addObject().put("type", "sighting").put("spec_version", "2.1")
                    .put("id", sightingId).put("created", at).put("modified", at)
                    .put("first_seen", time(p.firstSeen())).put("last_seen", time(p.lastSeen()))
                    .put("count", p.tenants()).put("sighting_of_ref", indicatorId).put("summary", true);
            sighting.putArray("object_marking_refs").add(MARKINGS.get(p.tlp()));
            ids.append(indicatorId).append(',').append(sightingId).append(',');
        }
        ObjectNode bundle = json.createObjectNode().put("type", "bundle").put("id", "bundle--" + uuid5("bundle:" + ids));
        bundle.set("objects", objects);
        return bundle;
    }

    /** The bundle as pretty-printed JSON text. */
    public String text(ObjectNode bundle) {
        return bundle.toPrettyString();
    }

    private static String description(ArtefactType type) {
        return switch (type) {
            case INDICATOR_HASH -> "HMAC-SHA256, under the fleet key, of a canonicalised indicator seen in true-positive alerts";
            case PATTERN_SHAPE -> "HMAC-SHA256, under the fleet key, of a generalised command line or domain shape";
            case ANOMALY_FINGERPRINT -> "HMAC-SHA256, under the fleet key, of an anomaly fingerprint";
        } + "; promoted when enough distinct consenting tenants saw it after a cool-off";
    }

    private static String time(Instant instant) {
        return STIX_TIME.format(instant);
    }

    /** A name-based UUID, version 5 (SHA-1), in {@link #NAMESPACE} (RFC 9562 section 5.5). */
    static UUID uuid5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits()).array());
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
