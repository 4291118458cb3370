package dev.vigil.console;

import dev.vigil.appliance.ConsoleCertificate;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.appliance.SelfSignedCertificates;
import dev.vigil.cli.VigilCommand;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The appliance serves HTTPS unless told otherwise, with the ECDSA P-256 certificate made at first start, and the CLI
 * talks to it pinned to that certificate's fingerprint. Real appliance, real sockets.
 */
@Timeout(300)
class HttpsByDefaultTest {

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of("vigil.http.tls.enabled", true));
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    /** The certificate the server presents on its port, read over a real TLS handshake that trusts anything. */
    static X509Certificate presented(URI base) throws Exception {
        X509Certificate[] seen = new X509Certificate[1];
        X509TrustManager capture = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain[0];
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[]{capture}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(base.getHost(), base.getPort())) {
            socket.startHandshake();
        }
        return seen[0];
    }

    @Test
    void theDefaultIsHttpsWithTheFirstStartEcdsaP256CertificateWhoseFingerprintIsStoredForTheCli() throws Exception {
        assertEquals("https", vigil.base.getScheme());
        X509Certificate certificate = presented(vigil.base);
        assertEquals(256, ((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertEquals(SelfSignedCertificates.fingerprint(certificate),
                Files.readString(ConsoleCertificate.fingerprintFile(vigil.dataDir)).trim());
    }

    @Test
    void thePublicCertificateIsWrittenInPemForCurlAndBrowsers() throws Exception {
        try (var in = Files.newInputStream(ConsoleCertificate.certificateFile(vigil.dataDir))) {
            X509Certificate pem = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            assertEquals(SelfSignedCertificates.fingerprint(presented(vigil.base)), SelfSignedCertificates.fingerprint(pem));
        }
    }

    @Test
    void thePrivateKeyFileIsReadableOnlyByTheServiceUser() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(vigil.dataDir.resolve("tls/console.p12"))));
    }

    @Test
    void plainHttpIsNotServedOnThePort() {
        URI plain = URI.create("http://" + vigil.base.getHost() + ":" + vigil.base.getPort() + "/api/v1/health");
        HttpClient http = HttpClient.newHttpClient();
        boolean refused;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(plain).GET().build(), HttpResponse.BodyHandlers.ofString());
            refused = r.statusCode() != 200;
        } catch (IOException | InterruptedException e) {
            refused = true;
        }
        assertTrue(refused, "a plain HTTP request must not be served");
    }

    @Test
    void theCliWorksPinnedToTheStoredFingerprint() {
        assertEquals(0, VigilCommand.execute("status", "--data-dir", vigil.dataDir.toString()));
        assertEquals(0, VigilCommand.execute("tls", "fingerprint", "--data-dir", vigil.dataDir.toString()));
    }

    @Test
    void theCliRefusesAServerWhoseCertificateIsNotThePinnedOne() throws Exception {
        Path pin = ConsoleCertificate.fingerprintFile(vigil.dataDir);
        String real = Files.readString(pin);
        try {
            Files.writeString(pin, "00".repeat(31) + "01\n");
            assertNotEquals(0, VigilCommand.execute("status", "--data-dir", vigil.dataDir.toString()));
        } finally {
            Files.writeString(pin, real);
        }
    }

    @Test
    void anAdminsOwnPemCertificateIsServedInsteadAndPinned() throws Exception {
        KeyStore own = SelfSignedCertificates.ensure(tmp.resolve("own/own.p12"), "pw".toCharArray(), "own");
        X509Certificate ownCert = (X509Certificate) own.getCertificate("own");
        Path cert = tmp.resolve("own/cert.pem");
        Path key = tmp.resolve("own/key.pem");
        try (Writer w = Files.newBufferedWriter(cert); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(ownCert);
        }
        try (Writer w = Files.newBufferedWriter(key); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            // PKCS#8 "PRIVATE KEY", as openssl genpkey writes it
            pem.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                    (java.security.PrivateKey) own.getKey("own", "pw".toCharArray()), null));
        }
        try (RunningAppliance second = new RunningAppliance(tmp.resolve("data-own"), Map.of("vigil.http.tls.enabled", true,
                "vigil.http.tls.cert", cert.toString(), "vigil.http.tls.key", key.toString()))) {
            assertEquals(SelfSignedCertificates.fingerprint(ownCert), SelfSignedCertificates.fingerprint(presented(second.base)));
            assertEquals(SelfSignedCertificates.fingerprint(ownCert),
                    Files.readString(ConsoleCertificate.fingerprintFile(second.dataDir)).trim());
        }
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedWithAClearMessage() {
        Exception e = assertThrows(Exception.class, () -> new RunningAppliance(tmp.resolve("data-half"),
                Map.of("vigil.http.tls.enabled", true, "vigil.http.tls.cert", tmp.resolve("missing.pem").toString())));
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof IllegalArgumentException)) {
            root = root.getCause();
        }
        assertTrue(String.valueOf(root.getMessage()).contains("vigil.http.tls.cert and vigil.http.tls.key go together"),
                String.valueOf(root.getMessage()));
    }
}
