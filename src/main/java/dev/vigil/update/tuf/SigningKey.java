package dev.vigil.update.tuf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * A vendor's Ed25519 signing key (the private half stays on the signing machine, never on an appliance).
 *
 * <p>Guarantees: keys come from the JDK's {@code KeyPairGenerator("Ed25519")}; the private key file is PKCS#8 PEM,
 * written with mode 600 where the file system supports it, and never overwritten.
 */
public record SigningKey(PrivateKey privateKey, Ed25519Key publicKey) {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey(pair.getPrivate(), Ed25519Key.of(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every Java 15+ platform", e);
        }
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    /** Writes {@code <name>.key} (private, PEM) and {@code <name>.pub} (TUF key JSON); refuses to overwrite. */
    public void write(Path keyFile, Path publicFile) throws IOException {
        if (Files.exists(keyFile) || Files.exists(publicFile)) {
            throw new IllegalArgumentException("refusing to overwrite existing key file " + (Files.exists(keyFile) ? keyFile : publicFile));
        }
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(privateKey.getEncoded()) + "\n" + END + "\n";
        Files.writeString(keyFile, "", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the operator protects the key file
        }
        Files.writeString(keyFile, pem, StandardCharsets.US_ASCII);
        Files.writeString(publicFile, publicKey.toJson().toPrettyString() + "\n", StandardCharsets.UTF_8);
    }

    /** Reads a private key file written by {@link #write}; names the file when it is not one. */
    public static SigningKey read(Path keyFile) throws IOException {
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(keyFile + " is not a PEM private key (expected " + BEGIN + ")");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            var publicKey = derivePublic(key);
            return new SigningKey(key, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(keyFile + " is not an Ed25519 private key: " + e.getMessage());
        }
    }

    private static Ed25519Key derivePublic(PrivateKey key) {
        var params = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(
                java.util.Arrays.copyOfRange(key.getEncoded(), key.getEncoded().length - 32, key.getEncoded().length), 0);
        return new Ed25519Key(params.generatePublicKey().getEncoded());
    }
}
