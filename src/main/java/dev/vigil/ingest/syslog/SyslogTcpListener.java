package dev.vigil.ingest.syslog;

import dev.vigil.ingest.ListenerCounters;

import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Syslog over TCP, or over TLS when given an {@link SSLContext}: one virtual thread per connection, framing decided
 * per message by {@link SyslogFrameDecoder}.
 *
 * <p>Guarantees: bytes read from a connection are spooled (durably) before the next bytes are read, so when the spool
 * is full the listener stops reading and the sender's TCP window closes: back-pressure, not loss. A partial message
 * at connection close is spooled. Each message is tagged {@code tcp:<peer>:<port>} or {@code tls:…}.
 */
public final class SyslogTcpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogTcpListener.class);

    private final ListenerBinding binding;
    private final Spool spool;
    private final Clock clock;
    private final SSLContext tls;
    private final ListenerCounters counters = new ListenerCounters();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private volatile boolean running;

    public SyslogTcpListener(ListenerBinding binding, Spool spool, Clock clock, SSLContext tls) {
        this.binding = binding;
        this.spool = spool;
        this.clock = clock;
        this.tls = tls;
    }

    public void start() throws IOException {
        server = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(binding.address(), binding.port()), 512);
        running = true;
        Thread.ofVirtual().name("vigil-syslog-" + scheme() + "-accept").start(this::acceptLoop);
    }

    /** The port actually bound (useful when configured as 0). */
    public int port() {
        return server.getLocalPort();
    }

    public ListenerCounters counters() {
        return counters;
    }

    public String name() {
        return "syslog-" + scheme() + ":" + port();
    }

    private String scheme() {
        return tls == null ? "tcp" : "tls";
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread.ofVirtual().name("vigil-syslog-conn").start(() -> serve(socket));
            } catch (IOException e) {
                if (running) {
                    LOG.warn("syslog {} accept failed: {}", scheme(), e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        String source = scheme() + ":" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(binding.maxMessageBytes());
        byte[] buffer = new byte[64 * 1024];
        long oversizedSeen = 0;
        try (socket; InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                List<String> messages = decoder.feed(buffer, 0, n);
                spool(messages, source);
                if (decoder.oversized() != oversizedSeen) {
                    counters.errors(decoder.oversized() - oversizedSeen);
                    oversizedSeen = decoder.oversized();
                }
            }
            String rest = decoder.finish();
            if (rest != null) {
                spool(List.of(rest), source);
            }
        } catch (SocketException e) {
            // the peer or close() ended the connection; what was spooled stays spooled
        } catch (IOException e) {
            LOG.debug("syslog {} connection from {} failed: {}", scheme(), source, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(socket);
        }
    }

    private void spool(List<String> messages, String source) throws InterruptedException {
        if (messages.isEmpty()) {
            return;
        }
        counters.received(messages.size());
        Instant now = clock.instant();
        List<SpoolRecord> batch = new ArrayList<>(messages.size());
        for (String m : messages) {
            batch.add(new SpoolRecord(binding.tenant(), binding.connector(), source, now, m));
        }
        spool.appendBlocking(batch);
        counters.spooled(batch.size());
    }

    @Override
    public void close() throws IOException {
        running = false;
        if (server != null) {
            server.close();
        }
        for (Socket s : connections) {
            s.close();
        }
    }
}
