package dev.vigil.audit.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP signed-note verifier key: {@code <name>+<hex key id>+<base64(algorithm ‖ public key)>}, where the key id is
 * the first four bytes of {@code SHA-256(name ‖ 0x0A ‖ algorithm ‖ public key)}. Algorithm {@code 0x01} is Ed25519
 * (log checkpoints), {@code 0x04} Ed25519 cosignature/v1 (witnesses). Pure; parsing rejects anything else clearly.
 */
public record NoteVerifierKey(String name, int keyId, byte algorithm, byte[] publicKey) {

    public static final byte ED25519 = 0x01;
    public static final byte COSIGNATURE_V1 = 0x04;

    public NoteVerifierKey {
        checkName(name);
        if (algorithm != ED25519 && algorithm != COSIGNATURE_V1) {
            throw new IllegalArgumentException("unsupported signature algorithm 0x" + HexFormat.of().toHexDigits(algorithm)
                    + " (Ed25519 is 0x01, cosignature/v1 0x04)");
        }
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        publicKey = publicKey.clone();
        if (keyId != keyId(name, algorithm, publicKey)) {
            throw new IllegalArgumentException("key id " + HexFormat.of().toHexDigits(keyId) + " does not match key name '"
                    + name + "' and its public key");
        }
    }

    /** The key for a name and raw public key, computing its id. */
    public static NoteVerifierKey of(String name, byte algorithm, byte[] publicKey) {
        checkName(name);
        return new NoteVerifierKey(name, keyId(name, algorithm, publicKey), algorithm, publicKey);
    }

    /** Parses {@code name+hexid+base64key}. */
    public static NoteVerifierKey parse(String text) {
        String t = text.strip();
        String[] parts = t.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is NAME+KEYID+KEY (three parts joined by '+'), got '" + t + "'");
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("verifier key id '" + parts[1] + "' is not 8 lower-case hex digits");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verifier key material is not base64: " + e.getMessage(), e);
        }
        if (key.length != 33) {
            throw new IllegalArgumentException("verifier key material has " + key.length + " bytes; Ed25519 needs 33 (algorithm byte and key)");
        }
        return new NoteVerifierKey(parts[0], HexFormat.fromHexDigits(parts[1]), key[0], Arrays.copyOfRange(key, 1, 33));
    }

    public static int keyId(String name, byte algorithm, byte[] publicKey) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(name.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0x0A);
            d.update(algorithm);
            d.update(publicKey);
            return ByteBuffer.wrap(d.digest()).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a key name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || Character.isWhitespace(c) || Character.isISOControl(c) || c > 0x7e) {
                throw new IllegalArgumentException("key name '" + name + "' contains '" + c
                        + "': names are printable ASCII without '+' or spaces");
            }
        }
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The text form {@code name+hexid+base64(algorithm ‖ key)}. */
    public String encoded() {
        byte[] material = new byte[33];
        material[0] = algorithm;
        System.arraycopy(publicKey, 0, material, 1, 32);
        return name + "+" + HexFormat.of().toHexDigits(keyId) + "+" + Base64.getEncoder().encodeToString(material);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifierKey k && k.name.equals(name) && k.keyId == keyId && k.algorithm == algorithm
                && Arrays.equals(k.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyId;
    }

    @Override
    public String toString() {
        return encoded();
    }
}
