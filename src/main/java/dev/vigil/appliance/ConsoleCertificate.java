package dev.vigil.appliance;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTPS identity of the appliance: an admin's own PEM certificate and key ({@code vigil.http.tls.cert}/{@code key})
 * or else the ECDSA P-256 self-signed certificate generated at first start in {@code <data>/tls/console.p12} (mode
 * 600). Each time it is loaded its SHA-256 fingerprint is written to {@code <data>/run/https.fingerprint}, next to
 * {@code cli.token}, where the CLI reads it to pin the certificate, and the certificate (public part only) to
 * {@code <data>/tls/console.crt}.
 *
 * <p>Guarantees: a bad certificate or key stops the start with a message naming the file and the problem; a key that
 * does not belong to the certificate is refused.
 */
@Singleton
public class ConsoleCertificate {

    /** The keystore password and alias of the in-process keystore (the file's protection is its mode, 600). */
    static final char[] PASSWORD = "vigil".toCharArray();
    static final String ALIAS = "console";

    private final VigilSettings settings;
    private final HttpTlsSettings tls;
    private KeyStore keyStore;
    private Path keyStoreFile;

    public ConsoleCertificate(VigilSettings settings, HttpTlsSettings tls) {
        this.settings = settings;
        this.tls = tls;
    }

    /** The file that holds the fingerprint the CLI pins. */
    public static Path fingerprintFile(Path dataDir) {
        return dataDir.resolve("run").resolve("https.fingerprint");
    }

    /** The public certificate in PEM, for {@code curl --cacert} or a browser's trust store. */
    public static Path certificateFile(Path dataDir) {
        return dataDir.resolve("tls").resolve("console.crt");
    }

    private void writeCertificate(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (var writer = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII);
                 var pem = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(writer)) {
                pem.writeObject(keyStore.getCertificate(ALIAS));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The keystore with the key and certificate chain under {@link #ALIAS}, loaded once. */
    public synchronized KeyStore keyStore() {
        if (keyStore == null) {
            Path dir = settings.dataDir().resolve("tls");
            if (tls.cert() != null) {
                keyStore = fromPem(tls.cert(), tls.key());
                keyStoreFile = dir.resolve("console-own.p12");
                SelfSignedCertificates.write(keyStore, keyStoreFile, PASSWORD);
            } else {
                keyStoreFile = dir.resolve("console.p12");
                keyStore = SelfSignedCertificates.ensure(keyStoreFile, PASSWORD, ALIAS);
            }
            writeFingerprint(fingerprint());
            writeCertificate(certificateFile(settings.dataDir()));
        }
        return keyStore;
    }

    /** The PKCS#12 file (mode 600) the HTTPS listener reads: the generated one, or the admin's PEM files converted. */
    public synchronized Path keyStoreFile() {
        keyStore();
        return keyStoreFile;
    }

    /** The password of {@link #keyStoreFile()}. */
    public String keyStorePassword() {
        return new String(PASSWORD);
    }

    public X509Certificate certificate() {
        try {
            return (X509Certificate) keyStore().getCertificate(ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the console keystore has no certificate: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint, colon-separated upper-case hex. */
    public String fingerprint() {
        try {
            return SelfSignedCertificates.fingerprint((X509Certificate) keyStore.getCertificate(ALIAS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeFingerprint(String fingerprint) {
        Path file = fingerprintFile(settings.dataDir());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, fingerprint + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static KeyStore fromPem(Path certFile, Path keyFile) {
        List<X509Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        try {
            JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
            for (Object o : readPem(certFile)) {
                if (o instanceof X509CertificateHolder holder) {
                    chain.add(certs.getCertificate(holder));
                }
            }
            JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
            for (Object o : readPem(keyFile)) {
                if (o instanceof PEMKeyPair pair) {
                    key = keys.getPrivateKey(pair.getPrivateKeyInfo()); // the public half may be absent
                } else if (o instanceof PrivateKeyInfo info) {
                    key = keys.getPrivateKey(info);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the HTTPS certificate " + certFile + " or key " + keyFile + ": "
                    + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("vigil.http.tls.cert " + certFile + " holds no PEM certificate");
        }
        if (key == null) {
            throw new IllegalArgumentException("vigil.http.tls.key " + keyFile
                    + " holds no unencrypted PEM private key (PKCS#8 'PRIVATE KEY' or 'EC/RSA PRIVATE KEY')");
        }
        try {
            checkPair(chain.getFirst(), key);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the HTTPS certificate " + certFile + ": " + e.getMessage(), e);
        }
    }

    private static void checkPair(X509Certificate certificate, PrivateKey key) throws GeneralSecurityException {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
        java.security.Signature signer = java.security.Signature.getInstance(algorithm);
        byte[] probe = "vigil key check".getBytes(StandardCharsets.UTF_8);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the private key does not belong to the certificate "
                    + certificate.getSubjectX500Principal());
        }
    }

    private static List<Object> readPem(Path file) throws IOException {
        List<Object> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                out.add(o);
            }
        }
        return out;
    }
}
