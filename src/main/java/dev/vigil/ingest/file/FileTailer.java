package dev.vigil.ingest.file;

import dev.vigil.connectors.LineFramer;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolRecord;
import dev.vigil.ingest.ListenerCounters;
import dev.vigil.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Follows one file like {@code tail -F} and spools each complete line through the connector's {@link LineFramer}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Only complete lines are read; a partial last line waits for its newline.</li>
 *   <li>Rotation (the path now names another inode): the old file is read to its end, then the new one from 0.</li>
 *   <li>Truncation (copytruncate: the file is shorter than the position): reading restarts at 0.</li>
 *   <li>No gaps, no duplicates across restarts: the position is saved only after the lines are durably spooled, and
 *       every record carries its end offset, so on restart the tailer resumes from the later of the saved position and
 *       the last offset of this file still in the spool (the caller passes that in).</li>
 * </ul>
 */
public final class FileTailer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileTailer.class);
    private static final int MAX_LINES_PER_BATCH = 4096;
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final Path path;
    private final TenantId tenant;
    private final String connector;
    private final Supplier<LineFramer> framers;
    private final Spool spool;
    private final TailOffsets offsets;
    private final Clock clock;
    private final Duration pollInterval;
    private final ListenerCounters counters = new ListenerCounters();
    private final Thread thread;
    private volatile boolean running = true;

    private FileChannel channel;
    private long inode = -1;
    private long position;
    private LineFramer framer;

    public FileTailer(Path path, TenantId tenant, String connector, Supplier<LineFramer> framers, Spool spool,
                      TailOffsets offsets, Clock clock, Duration pollInterval) {
        this.path = path.toAbsolutePath().normalize();
        this.tenant = tenant;
        this.connector = connector;
        this.framers = framers;
        this.spool = spool;
        this.offsets = offsets;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.thread = Thread.ofPlatform().name("vigil-tail-" + path.getFileName()).daemon(true).unstarted(this::run);
    }

    /** The {@code source} tag of records from this file's inode: {@code file:<path>@<inode>}. */
    public static String sourceTag(Path path, long inode) {
        return "file:" + path.toAbsolutePath().normalize() + "@" + inode;
    }

    /** Starts following, resuming from the later of the saved position and {@code spooledPosition}. */
    public void start(TailPosition spooledPosition) {
        TailPosition saved = offsets.load(path);
        TailPosition resume = saved == null ? spooledPosition : saved.max(spooledPosition);
        try {
            openCurrent(resume);
        } catch (IOException e) {
            LOG.warn("cannot open {} yet ({}); will keep trying", path, e.getMessage());
        }
        thread.start();
    }

    public ListenerCounters counters() {
        return counters;
    }

    public String name() {
        return "file:" + path;
    }

    public Path path() {
        return path;
    }

    private void run() {
        while (running) {
            try {
                boolean progressed = pollOnce();
                if (!progressed) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                counters.errors(1);
                LOG.warn("tailing {} failed: {}", path, e.getMessage());
                sleepQuietly();
            }
        }
    }

    /** Reads what is new; true when anything was spooled or the file changed. */
    boolean pollOnce() throws IOException, InterruptedException {
        if (channel == null) {
            if (!Files.exists(path)) {
                return false;
            }
            openCurrent(null);
        }
        long currentInode = inodeOf(path);
        if (currentInode != inode && currentInode != -1) {
            readAvailable(true); // rotated: drain the old file completely, a last unterminated line included
            channel.close();
            channel = null;
            openCurrent(new TailPosition(currentInode, 0));
            return true;
        }
        if (channel.size() < position) {
            LOG.info("{} was truncated; reading it again from the start", path);
            position = 0;
            framer = framers.get();
        }
        return readAvailable(false);
    }

    private boolean readAvailable(boolean toEnd) throws IOException, InterruptedException {
        boolean any = false;
        while (true) {
            List<SpoolRecord> batch = new ArrayList<>();
            long end = readLines(batch, toEnd);
            if (end == position) {
                return any;
            }
            if (!batch.isEmpty()) {
                counters.received(batch.size());
                spool.appendBlocking(batch);
                counters.spooled(batch.size());
            }
            position = end;
            offsets.save(path, new TailPosition(inode, position));
            any = true;
        }
    }

    /** Reads complete lines from {@code position}; returns the offset after the last complete line read. */
    private long readLines(List<SpoolRecord> batch, boolean includeUnterminated) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long at = position;
        long consumed = position;
        String source = sourceTag(path, inode);
        int lines = 0;
        while (lines < MAX_LINES_PER_BATCH) {
            buffer.clear();
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            buffer.flip();
            while (buffer.hasRemaining() && lines < MAX_LINES_PER_BATCH) {
                byte b = buffer.get();
                at++;
                if (b == '\n') {
                    consumed = at;
                    lines++;
                    addLine(batch, line, source, consumed);
                } else if (line.size() < MAX_LINE_BYTES) {
                    line.write(b);
                }
            }
        }
        if (includeUnterminated && lines < MAX_LINES_PER_BATCH && line.size() > 0 && at > consumed) {
            consumed = at;
            addLine(batch, line, source, consumed);
        }
        return consumed;
    }

    private void addLine(List<SpoolRecord> batch, ByteArrayOutputStream line, String source, long endOffset) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        for (String payload : framer.acceptAll(text)) {
            batch.add(new SpoolRecord(tenant, connector, source, clock.instant(), payload, endOffset));
        }
    }

    private void openCurrent(TailPosition resume) throws IOException {
        FileChannel opened = FileChannel.open(path, StandardOpenOption.READ);
        long ino = inodeOf(path);
        channel = opened;
        framer = framers.get();
        if (resume != null && resume.inode() == ino && resume.offset() <= opened.size()) {
            position = resume.offset();
            if (framer.needsReplayOnResume() && position > 0) {
                replayHeaders(position);
            }
        } else {
            position = resume != null && resume.inode() == -1 ? Math.min(resume.offset(), opened.size()) : 0;
        }
        inode = ino;
    }

    private void replayHeaders(long upTo) throws IOException {
        long saved = position;
        position = 0;
        List<SpoolRecord> discard = new ArrayList<>();
        while (position < upTo) {
            long end = readLines(discard, false);
            if (end == position) {
                break;
            }
            position = Math.min(end, upTo);
            discard.clear();
        }
        position = saved;
    }

    private static long inodeOf(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:ino")).longValue();
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (channel != null) {
            channel.close();
        }
    }
}
