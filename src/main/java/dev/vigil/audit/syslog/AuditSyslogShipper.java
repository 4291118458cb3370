package dev.vigil.audit.syslog;

import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditLines;
import dev.vigil.audit.AuditTrail;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Ships the audit chain off the host to a syslog collector: every trail entry and every signed checkpoint as an
 * RFC 5424 message ({@link Rfc5424}) in RFC 6587 octet-counting frames over TCP or TLS ({@link SyslogCollector}).
 *
 * <p>Guarantees: {@link AuditTrail#append} never waits on it. The shipper reads the trail and
 * {@code checkpoints.log} from disk on its own thread, so its queue is the durable files themselves and holds at
 * most one batch ({@code batchSize} messages) in memory however long the collector is away; nothing is dropped.
 * Messages go in trail order, each checkpoint right after the entry that completes it. Syslog over TCP has no
 * acknowledgement, so a batch counts as delivered once the connection is found still open before the next batch
 * (or after the poll interval); only then is the position stored in {@code <data>/audit/syslog.position}. After a
 * broken connection or a restart shipping resumes from the stored position: nothing is skipped, and at most the
 * last unconfirmed batch is sent twice (collectors can drop duplicates by {@code seq}). Reconnects back off
 * exponentially from 100 ms up to {@code maxBackoff}. TLS verifies the collector's certificate and name, never
 * falling back to plaintext.
 */
public final class AuditSyslogShipper implements Consumer<SignedNote>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSyslogShipper.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final AuditTrail trail;
    private final Path directory;
    private final SyslogCollector collector;
    private final String hostName;
    private final Duration maxBackoff;
    private final Duration pollInterval;
    private final int batchSize;
    private final Clock clock;
    private final long procId = ProcessHandle.current().pid();
    private final Object wake = new Object();
    private final Thread thread;
    private volatile boolean running;
    private volatile SyslogPosition acknowledged;
    private volatile String problem;
    private boolean signalled;

    /**
     * @param hostName     the HOSTNAME of every message (this appliance's name)
     * @param maxBackoff   the longest wait between reconnect attempts
     * @param pollInterval how often to look for new entries when idle (new checkpoints wake it at once)
     * @param batchSize    messages written per batch, at least 1
     */
    public AuditSyslogShipper(AuditTrail trail, SyslogCollector collector, String hostName, Duration maxBackoff,
                              Duration pollInterval, int batchSize, Clock clock) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the syslog batch size must be at least 1, was " + batchSize);
        }
        if (maxBackoff.compareTo(FIRST_BACKOFF) < 0) {
            throw new IllegalArgumentException("the syslog maximum back-off must be at least 100ms, was " + maxBackoff);
        }
        this.trail = trail;
        this.directory = trail.directory();
        this.collector = collector;
        this.hostName = hostName;
        this.maxBackoff = maxBackoff;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.clock = clock;
        this.acknowledged = SyslogPosition.load(directory);
        this.thread = new Thread(this::run, "audit-syslog");
        thread.setDaemon(true);
    }

    /** Starts shipping in the background. */
    public synchronized void start() {
        if (!running) {
            running = true;
            thread.start();
        }
    }

    /** A new checkpoint was signed: ship it (and the entries before it) now rather than at the next poll. */
    @Override
    public void accept(SignedNote note) {
        synchronized (wake) {
            signalled = true;
            wake.notifyAll();
        }
    }

    /** What the collector has been sent and acknowledged so far. */
    public SyslogPosition position() {
        return acknowledged;
    }

    /** One line for operators: where it ships, how far it is, and why it is not connected if it is not. */
    public String status() {
        SyslogPosition p = acknowledged;
        String state = problem == null ? "ok" : "retrying: " + problem;
        return "syslog " + collector + ": " + p.entries() + " entries, " + p.checkpoints() + " checkpoints shipped; " + state;
    }

    private void run() {
        LineCursor entries = null;
        LineCursor checkpoints = null;
        Socket socket = null;
        Duration backoff = FIRST_BACKOFF;
        boolean unconfirmed = false;
        LineCursor.Mark entriesSent = null;
        LineCursor.Mark checkpointsSent = null;
        try {
            while (running) {
                try {
                    if (entries == null) {
                        SyslogPosition from = acknowledged;
                        entries = LineCursor.after(trail.file(), from.entries());
                        checkpoints = LineCursor.after(directory.resolve("checkpoints.log"), from.checkpoints());
                    }
                    if (socket == null) {
                        socket = collector.open();
                        if (problem != null) {
                            LOG.info("audit syslog: connected to {} again", collector);
                        }
                        problem = null;
                        backoff = FIRST_BACKOFF;
                    }
                    if (unconfirmed) {
                        if (peerClosed(socket)) {
                            throw new IOException("the collector closed the connection");
                        }
                        confirm(new SyslogPosition(entriesSent.count(), checkpointsSent.count()));
                        unconfirmed = false;
                    }
                    ByteArrayOutputStream batch = new ByteArrayOutputStream(64 * 1024);
                    if (nextBatch(entries, checkpoints, batch) > 0) {
                        OutputStream out = socket.getOutputStream();
                        batch.writeTo(out);
                        out.flush();
                        entriesSent = entries.mark();
                        checkpointsSent = checkpoints.mark();
                        unconfirmed = true;
                    }
                    if (!unconfirmed || batch.size() == 0) {
                        idle();
                    }
                } catch (IOException | RuntimeException e) {
                    closeQuietly(socket);
                    socket = null;
                    unconfirmed = false;
                    closeQuietly(entries, checkpoints);
                    entries = null; // resume from the acknowledged position: the unconfirmed batch is sent again
                    checkpoints = null;
                    String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                    if (problem == null) {
                        LOG.warn("audit syslog: cannot ship to {}: {}; retrying with back-off", collector, reason);
                    }
                    problem = reason;
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(socket);
            closeQuietly(entries, checkpoints);
        }
    }

    /** Appends up to {@code batchSize} framed messages to {@code batch}, checkpoints after their last entry. */
    private int nextBatch(LineCursor entries, LineCursor checkpoints, ByteArrayOutputStream batch) throws IOException {
        int n = 0;
        while (n < batchSize) {
            LineCursor.Mark before = checkpoints.mark();
            byte[] encoded = checkpoints.next();
            long limit = trail.durableSize();
            if (encoded != null) {
                String note = new String(Base64.getDecoder().decode(new String(encoded, StandardCharsets.US_ASCII).strip()),
                        StandardCharsets.UTF_8);
                Checkpoint c = Checkpoint.parse(SignedNote.parse(note).text());
                if (entries.count() >= c.size()) {
                    batch.writeBytes(Rfc5424.frame(Rfc5424.checkpoint(c, note, clock.instant(), hostName, procId)));
                    n++;
                    continue;
                }
                checkpoints.reset(before);
                limit = Math.min(limit, c.size());
            }
            if (entries.count() >= limit) {
                break;
            }
            byte[] line = entries.next();
            if (line == null) {
                break;
            }
            String text = new String(line, StandardCharsets.UTF_8);
            AuditEntry entry = AuditLines.parse(text);
            if (entry.sequence() != entries.count()) {
                throw new IllegalStateException("the trail's line " + entries.count() + " holds entry " + entry.sequence()
                        + ": the trail was altered; shipping stops here");
            }
            batch.writeBytes(Rfc5424.frame(Rfc5424.entry(entry, text, hostName, procId)));
            n++;
        }
        return n;
    }

    private void confirm(SyslogPosition position) {
        try {
            position.store(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the syslog position in " + directory + ": " + e.getMessage(), e);
        }
        acknowledged = position;
    }

    private void idle() throws InterruptedException {
        synchronized (wake) {
            if (!signalled) {
                wake.wait(pollInterval.toMillis());
            }
            signalled = false;
        }
    }

    /** True when the collector has closed its end (it never sends anything, so end of stream means gone). */
    private static boolean peerClosed(Socket socket) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(1);
        try {
            InputStream in = socket.getInputStream();
            byte[] ignored = new byte[4096];
            for (int i = 0; i < 16; i++) {
                if (in.read(ignored) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException open) {
            return false;
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    private static void closeQuietly(LineCursor... cursors) {
        for (LineCursor c : cursors) {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // read-only
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
