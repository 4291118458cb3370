package dev.vigil.audit.syslog;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the audit chain is shipped: a syslog collector over TCP, or over TLS verifying the collector's certificate
 * against a configured truststore and its name against the certificate (fails closed: no plaintext fallback, no
 * trust-all). The truststore is read once, when this is made, so a missing or unreadable one stops the appliance
 * at start rather than shipping unverified.
 *
 * @param host           the collector's host name or address
 * @param port           its port (commonly 601 for TCP, 6514 for TLS)
 * @param tls            whether to use TLS
 * @param sslContext     the TLS context trusting the truststore's certificates; null without TLS
 * @param connectTimeout how long to wait for a connection and handshake
 */
public record SyslogCollector(String host, int port, boolean tls, SSLContext sslContext, Duration connectTimeout) {

    public SyslogCollector {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the syslog collector host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the syslog collector port must be 1..65535, was " + port);
        }
        if (tls && sslContext == null) {
            throw new IllegalArgumentException("TLS to the syslog collector needs a truststore");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** A plain TCP collector. */
    public static SyslogCollector tcp(String host, int port) {
        return new SyslogCollector(host, port, false, null, Duration.ofSeconds(10));
    }

    /** A TLS collector whose certificate must chain to one in {@code truststore} (PKCS#12 or JKS). */
    public static SyslogCollector tls(String host, int port, Path truststore, String password) {
        return new SyslogCollector(host, port, true, trusting(truststore, password), Duration.ofSeconds(10));
    }

    /** Opens a connection; for TLS, completes the handshake (certificate and host name verified) before returning. */
    Socket open() throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            plain.setTcpNoDelay(true);
            plain.setKeepAlive(true);
            if (!tls) {
                return plain;
            }
            SSLSocket socket = (SSLSocket) sslContext.getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host we asked for
            socket.setSSLParameters(parameters);
            socket.setSoTimeout((int) connectTimeout.toMillis());
            socket.startHandshake();
            socket.setSoTimeout(0);
            return socket;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return (tls ? "tls://" : "tcp://") + host + ":" + port;
    }

    private static SSLContext trusting(Path truststore, String password) {
        if (truststore == null) {
            throw new IllegalArgumentException("vigil.audit.syslog.tls needs vigil.audit.syslog.truststore");
        }
        char[] secret = password == null ? null : password.toCharArray();
        if (!Files.isReadable(truststore)) {
            throw new UncheckedIOException(new IOException("cannot read the syslog truststore " + truststore));
        }
        try {
            KeyStore store = KeyStore.getInstance(truststore.toFile(), secret);
            if (store.size() == 0) {
                throw new IllegalArgumentException("the syslog truststore " + truststore + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the syslog truststore " + truststore + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the syslog truststore " + truststore + " is not usable: " + e.getMessage(), e);
        }
    }
}
