package dev.vigil.update.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A public Ed25519 key as TUF writes it ({@code {"keytype":"ed25519","scheme":"ed25519","keyval":{"public":HEX}}}),
 * verified with the JDK's own Ed25519.
 *
 * <p>Guarantees: the key bytes are exactly 32; {@link #keyId()} is the SHA-256 of the key's canonical JSON, so the
 * same key always has the same id; {@link #verifies} never throws, a bad signature is simply false.
 */
public record Ed25519Key(byte[] publicKey) {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public Ed25519Key {
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    /** Reads a TUF key object; {@link IllegalArgumentException} naming the problem for any other key type. */
    public static Ed25519Key fromJson(JsonNode key) {
        if (!"ed25519".equals(key.path("keytype").asText()) || !"ed25519".equals(key.path("scheme").asText())) {
            throw new IllegalArgumentException("only keytype and scheme ed25519 are supported, not "
                    + key.path("keytype").asText("?") + "/" + key.path("scheme").asText("?"));
        }
        try {
            return new Ed25519Key(HexFormat.of().parseHex(key.path("keyval").path("public").asText()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keyval.public is not 32 bytes of hex");
        }
    }

    /** Takes the raw key out of a JDK Ed25519 public key (X.509 encoded). */
    public static Ed25519Key of(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return new Ed25519Key(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("keytype", "ed25519").put("scheme", "ed25519");
        node.putObject("keyval").put("public", HexFormat.of().formatHex(publicKey));
        return node;
    }

    public String keyId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CanonicalJson.bytes(toJson())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** True exactly when {@code signature} is this key's valid Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        try {
            byte[] x509 = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
            System.arraycopy(publicKey, 0, x509, X509_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519Key other && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "ed25519:" + keyId().substring(0, 16);
    }
}
