package dev.vigil.audit.syslog;

import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A real syslog collector on a local socket (TCP, or TLS with a given context) that reads RFC 6587 octet-counted frames. */
final class TestCollector implements AutoCloseable {

    /** One received message and the number of the connection it came on (from 1). */
    record Received(int connection, String message) {
    }

    private final SSLContext tls;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile int port;
    private int connections;

    TestCollector(SSLContext tls) {
        this.tls = tls;
    }

    /** Starts listening, on the previous port when restarted. */
    synchronized TestCollector start() throws IOException {
        ServerSocketFactory factory = tls == null ? ServerSocketFactory.getDefault() : tls.getServerSocketFactory();
        ServerSocket s = factory.createServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = s.getLocalPort();
        server = s;
        Thread t = new Thread(() -> acceptLoop(s), "test-collector");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** A collector outage: stops listening and drops every connection. */
    synchronized void stop() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    int port() {
        return port;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /** Waits (at most 15 s) until the messages received satisfy {@code done}; fails with what arrived otherwise. */
    List<Received> await(Predicate<List<Received>> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> now = received();
            if (done.test(now)) {
                return now;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the collector did not receive " + what + " within 15 s; it got " + received().size()
                + " messages: " + received() + "; errors: " + errors);
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket socket = s.accept();
                open.add(socket);
                int number;
                synchronized (this) {
                    number = ++connections;
                }
                Thread reader = new Thread(() -> read(socket, number), "test-collector-" + number);
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void read(Socket socket, int connection) {
        try (socket; InputStream in = socket.getInputStream()) {
            while (true) {
                int length = readLength(in);
                if (length < 0) {
                    return;
                }
                byte[] body = in.readNBytes(length);
                if (body.length != length) {
                    errors.add("connection " + connection + ": frame of " + length + " octets cut at " + body.length);
                    return;
                }
                received.add(new Received(connection, new String(body, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                errors.add("connection " + connection + ": " + e);
            }
        }
    }

    /** Reads {@code MSG-LEN SP}; -1 at a clean end of stream between frames. */
    private int readLength(InputStream in) throws IOException {
        ByteArrayOutputStream digits = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (digits.size() == 0) {
                    return -1;
                }
                throw new EOFException("stream ended inside a frame length");
            }
            if (b == ' ') {
                String text = digits.toString(StandardCharsets.US_ASCII);
                if (text.isEmpty() || text.startsWith("0")) {
                    throw new IOException("bad octet count '" + text + "'");
                }
                return Integer.parseInt(text);
            }
            if (b < '0' || b > '9' || digits.size() > 9) {
                throw new IOException("not octet-counting framing: byte " + b + " after '" + digits + "'");
            }
            digits.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    static List<Received> onConnection(List<Received> all, int connection) {
        List<Received> out = new ArrayList<>();
        for (Received r : all) {
            if (r.connection() == connection) {
                out.add(r);
            }
        }
        return out;
    }
}
