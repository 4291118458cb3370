package dev.vigil.audit;

import dev.vigil.audit.note.Ed25519;
import dev.vigil.audit.note.NoteSigner;
import dev.vigil.audit.note.NoteVerifierKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.Set;

/**
 * The Ed25519 key that signs checkpoints (and, for a witness, cosignatures): generated at first start, kept as
 * {@code <name>.key} (PKCS#8, mode 600, created with that mode so it is never readable by others) and
 * {@code <name>.vkey} (the signed-note verifier key, public).
 *
 * <p>Guarantees: on load the private key must sign what the stored public key verifies, and the private key file
 * must not be readable by group or others; otherwise loading fails with the reason (fails closed).
 */
public final class AuditSigningKey {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AuditSigningKey() {
    }

    /** Loads the key pair named {@code base} in {@code directory}, generating it under {@code keyName} if absent. */
    public static NoteSigner loadOrCreate(Path directory, String base, String keyName) {
        Path keyFile = directory.resolve(base + ".key");
        Path vkeyFile = directory.resolve(base + ".vkey");
        try {
            Files.createDirectories(directory);
            if (!Files.exists(keyFile)) {
                generate(keyFile, vkeyFile, keyName);
            }
            return load(keyFile, vkeyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or create the signing key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    private static void generate(Path keyFile, Path vkeyFile, String keyName) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every Java platform", e);
        }
        NoteVerifierKey vkey = NoteVerifierKey.of(keyName, NoteVerifierKey.ED25519, Ed25519.raw(pair.getPublic()));
        Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is creating " + keyFile, e);
        }
        Files.write(tmp, pair.getPrivate().getEncoded());
        Files.writeString(vkeyFile, vkey.encoded() + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static NoteSigner load(Path keyFile, Path vkeyFile) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
        if (!OWNER_ONLY.containsAll(perms)) {
            throw new IllegalStateException("the signing key " + keyFile + " is readable by others ("
                    + PosixFilePermissions.toString(perms) + "); run 'chmod 600 " + keyFile + "'");
        }
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key " + keyFile + " is not an Ed25519 PKCS#8 key: " + e.getMessage(), e);
        }
        NoteVerifierKey vkey = NoteVerifierKey.parse(Files.readString(vkeyFile, StandardCharsets.US_ASCII));
        NoteSigner signer = new NoteSigner(vkey.name(), privateKey, vkey.publicKey());
        byte[] probe = HexFormat.of().parseHex("766967696c");
        if (!Ed25519.verify(vkey.publicKey(), probe, Ed25519.sign(privateKey, probe))) {
            throw new IllegalStateException("the public key in " + vkeyFile + " does not belong to " + keyFile);
        }
        return signer;
    }
}
