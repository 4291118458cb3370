package dev.vigil.audit.note;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * One signature line of a signed note: {@code — <name> <base64(4-byte key id ‖ signature)>}.
 *
 * @param signature the bytes after the key id (for Ed25519 the 64-byte signature; for cosignature/v1 the 8-byte
 *                  timestamp followed by the signature)
 */
public record NoteSignature(String name, int keyId, byte[] signature) {

    /** The em dash and space that start every signature line. */
    public static final String PREFIX = "\u2014 ";

    public NoteSignature {
        NoteVerifierKey.checkName(name);
        signature = signature.clone();
    }

    /** Parses one signature line without its newline. */
    public static NoteSignature parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("signature line does not start with '\u2014 ': '" + line + "'");
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException("signature line is not '\u2014 NAME SIGNATURE': '" + line + "'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature of '" + rest.substring(0, space) + "' is not base64", e);
        }
        if (bytes.length < 5) {
            throw new IllegalArgumentException("signature of '" + rest.substring(0, space) + "' is too short");
        }
        int id = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        return new NoteSignature(rest.substring(0, space), id, Arrays.copyOfRange(bytes, 4, bytes.length));
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The line, with its newline. */
    public String line() {
        byte[] bytes = new byte[4 + signature.length];
        bytes[0] = (byte) (keyId >>> 24);
        bytes[1] = (byte) (keyId >>> 16);
        bytes[2] = (byte) (keyId >>> 8);
        bytes[3] = (byte) keyId;
        System.arraycopy(signature, 0, bytes, 4, signature.length);
        return PREFIX + name + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
    }

    boolean by(NoteVerifierKey key) {
        return key.name().equals(name) && key.keyId() == keyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature s && s.name.equals(name) && s.keyId == keyId && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyId;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
