package dev.vigil.cli;

import dev.vigil.appliance.ConsoleCertificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * Trusts exactly one server certificate: the one whose SHA-256 fingerprint the appliance wrote to
 * {@code <data>/run/https.fingerprint}. The CLI uses it instead of trusting any certificate, so a process that grabs
 * the port with another certificate is refused.
 *
 * <p>Guarantees: fails closed: any other certificate, or a missing chain, is rejected with the two fingerprints named;
 * the comparison is constant-time. Host names are not checked: the pin is stronger than a name.
 */
final class PinnedCertificate extends X509ExtendedTrustManager {

    private final String pinned;

    PinnedCertificate(String fingerprint) {
        this.pinned = normalise(fingerprint);
    }

    /** The pin stored for the appliance on this data directory. */
    static PinnedCertificate forDataDir(Path dataDir) {
        Path file = ConsoleCertificate.fingerprintFile(dataDir);
        try {
            return new PinnedCertificate(Files.readString(file).trim());
        } catch (IOException e) {
            throw new CliException("cannot read the appliance's certificate fingerprint " + file + ": " + e.getMessage()
                    + " (the CLI must run as the appliance's service user)");
        }
    }

    /** An SSL context that trusts only the pinned certificate. */
    SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[]{this}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is required by every Java platform", e);
        }
    }

    static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
    }

    private static String normalise(String fingerprint) {
        return fingerprint.replace(":", "").trim().toLowerCase(java.util.Locale.ROOT);
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the appliance presented no certificate");
        }
        String presented = fingerprint(chain[0]);
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII), pinned.getBytes(StandardCharsets.US_ASCII))) {
            throw new CertificateException("the server's certificate (SHA-256 " + presented
                    + ") is not the appliance's pinned certificate (" + pinned + ")");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the CLI does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
