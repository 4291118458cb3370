package dev.vigil.update.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One metadata file as it travels: {@code {"signed": {...}, "signatures": [{"keyid":…,"sig":HEX}]}}.
 *
 * <p>Guarantees: {@link #signedBytes()} are the canonical bytes every signature must cover; parsing names the file
 * and the problem and throws {@link UpdateRejectedException} ({@link Rejection#MALFORMED}) for anything else.
 */
public record SignedEnvelope(String file, JsonNode signed, List<KeySignature> signatures, byte[] signedBytes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One signature: the key id it claims and the signature bytes. */
    public record KeySignature(String keyId, byte[] signature) {
    }

    public SignedEnvelope {
        Objects.requireNonNull(file, "file");
        signatures = List.copyOf(signatures);
    }

    public static SignedEnvelope parse(String file, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UpdateRejectedException(Rejection.MALFORMED, file, "not JSON: " + e.getMessage());
        }
        if (root == null || !root.path("signed").isObject() || !root.path("signatures").isArray()) {
            throw new UpdateRejectedException(Rejection.MALFORMED, file, "needs an object 'signed' and an array 'signatures'");
        }
        List<KeySignature> signatures = new ArrayList<>();
        for (JsonNode s : root.get("signatures")) {
            try {
                signatures.add(new KeySignature(s.path("keyid").asText(), HexFormat.of().parseHex(s.path("sig").asText())));
            } catch (IllegalArgumentException e) {
                throw new UpdateRejectedException(Rejection.MALFORMED, file, "a signature is not hex");
            }
        }
        byte[] canonical;
        try {
            canonical = CanonicalJson.bytes(root.get("signed"));
        } catch (IllegalArgumentException e) {
            throw new UpdateRejectedException(Rejection.MALFORMED, file, e.getMessage());
        }
        return new SignedEnvelope(file, root.get("signed"), signatures, canonical);
    }

    /** The envelope as UTF-8 JSON, the form it has in a bundle. */
    public byte[] bytes() {
        return toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The envelope as JSON text (signatures in order). */
    public String toJson() {
        var node = JSON.createObjectNode();
        var sigs = node.putArray("signatures");
        for (KeySignature s : signatures) {
            sigs.addObject().put("keyid", s.keyId()).put("sig", HexFormat.of().formatHex(s.signature()));
        }
        node.set("signed", signed);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
