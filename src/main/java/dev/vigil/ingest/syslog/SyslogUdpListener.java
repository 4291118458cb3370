package dev.vigil.ingest.syslog;

import dev.vigil.ingest.ListenerCounters;

import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolFullException;
import dev.vigil.ingest.spool.SpoolRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Syslog over UDP: one datagram is one message.
 *
 * <p>Guarantees: the receive loop never waits for a disk flush (appends are asynchronous and group-committed); UDP
 * has no way to push back, so a datagram the spool cannot take is dropped and counted in {@code dropped}, never
 * silently. A trailing LF/CR/NUL is trimmed.
 */
public final class SyslogUdpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogUdpListener.class);

    private final ListenerBinding binding;
    private final Spool spool;
    private final Clock clock;
    private final ListenerCounters counters = new ListenerCounters();
    private DatagramSocket socket;
    private volatile boolean running;

    public SyslogUdpListener(ListenerBinding binding, Spool spool, Clock clock) {
        this.binding = binding;
        this.spool = spool;
        this.clock = clock;
    }

    public void start() throws IOException {
        socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.setReceiveBufferSize(8 << 20);
        socket.bind(new InetSocketAddress(binding.address(), binding.port()));
        running = true;
        Thread.ofPlatform().name("vigil-syslog-udp").daemon(true).start(this::receiveLoop);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public ListenerCounters counters() {
        return counters;
    }

    public String name() {
        return "syslog-udp:" + port();
    }

    private void receiveLoop() {
        byte[] buffer = new byte[Math.max(binding.maxMessageBytes(), 65_535)];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (running) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                int length = packet.getLength();
                while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r' || buffer[length - 1] == 0)) {
                    length--;
                }
                if (length == 0) {
                    continue;
                }
                counters.received(1);
                String message = new String(buffer, 0, length, StandardCharsets.UTF_8);
                String source = "udp:" + packet.getAddress().getHostAddress() + ":" + packet.getPort();
                try {
                    spool.append(List.of(new SpoolRecord(binding.tenant(), binding.connector(), source, clock.instant(), message)))
                            .whenComplete((r, e) -> {
                                if (e == null) {
                                    counters.spooled(1);
                                } else {
                                    counters.dropped(1);
                                }
                            });
                } catch (SpoolFullException | IllegalStateException e) {
                    counters.dropped(1);
                }
            } catch (IOException e) {
                if (running) {
                    LOG.warn("syslog udp receive failed: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (socket != null) {
            socket.close();
        }
    }
}
