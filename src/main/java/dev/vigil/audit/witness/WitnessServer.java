package dev.vigil.audit.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The witness over HTTP: {@code POST /add-checkpoint} (C2SP tlog-witness), nothing else. Request bodies over
 * 64 KiB are refused (400) before they are read whole.
 */
public final class WitnessServer implements AutoCloseable {

    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;

    public WitnessServer(Witness witness, InetSocketAddress address) throws IOException {
        server = HttpServer.create(address, 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/add-checkpoint")) {
                    send(exchange, new Witness.Answer(404, "text/plain", "not found\n"));
                } else if (!exchange.getRequestMethod().equals("POST")) {
                    exchange.getResponseHeaders().add("Allow", "POST");
                    send(exchange, new Witness.Answer(405, "text/plain", "use POST\n"));
                } else {
                    byte[] body = readLimited(exchange.getRequestBody());
                    send(exchange, body == null ? new Witness.Answer(400, "text/plain", "request body too large\n")
                            : witness.addCheckpoint(new String(body, StandardCharsets.UTF_8)));
                }
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "witness-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static void send(HttpExchange exchange, Witness.Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
