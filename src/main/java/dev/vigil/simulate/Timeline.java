package dev.vigil.simulate;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Orders scheduled events by time and renders them to the sink when nothing earlier can still be scheduled.
 *
 * <p>Rendering happens at emission, so per-host counters (Windows record ids, audit serials) increase in time order.
 * Events at or after the window's end are dropped. Memory holds only events not yet emitted.
 */
final class Timeline {

    /** Renders one scheduled event into one or more lines. */
    interface Render {
        void render(Out out);
    }

    /** What a renderer may use: the event time, per-host counters and the line output. */
    interface Out {
        long at();

        long recordId(Host host, int channel);

        long auditSerial(Host host);

        void emit(LogFile file, String line, String eventId);
    }

    /** The attack step an event belongs to. */
    record Step(String attackId, AttackKind kind, String technique, String tactic, int step) {
        Label label(String eventId) {
            return new Label(eventId, attackId, kind, technique, tactic, step);
        }
    }

    private record Pending(long at, long seq, Render render, Step step) {
    }

    private final PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final SimulationSink sink;
    private final long end;
    private final long[][] recordIds;
    private final long[] auditSerials;
    private final long[] lines = new long[LogFile.values().length];
    private final Map<AttackKind, Long> attackLines = new EnumMap<>(AttackKind.class);
    private final Emitter emitter = new Emitter();
    private long seq;
    private long watermark;
    private IOException failure;

    Timeline(SimulationSink sink, long startMicros, long endMicros, World world) {
        this.sink = sink;
        this.end = endMicros;
        this.watermark = startMicros;
        int n = world.hosts().size();
        this.recordIds = new long[n][3];
        this.auditSerials = new long[n];
        for (Host h : world.hosts()) {
            recordIds[h.index()][0] = h.counterBase();
            recordIds[h.index()][1] = h.counterBase() * 3 + 17_000;
            recordIds[h.index()][2] = h.counterBase() / 7 + 900;
            auditSerials[h.index()] = h.counterBase() / 11 + 200;
        }
    }

    /** Schedules a benign event. Times before the current watermark are moved up to it. */
    void at(long micros, Render render) {
        at(micros, null, render);
    }

    /** Schedules an event, labelled with {@code step} when it is not null. */
    void at(long micros, Step step, Render render) {
        long t = Math.max(micros, watermark);
        if (t >= end) {
            return;
        }
        queue.add(new Pending(t, seq++, render, step));
    }

    long end() {
        return end;
    }

    /** Emits every event strictly before {@code micros}; nothing earlier may be scheduled afterwards. */
    void flushBefore(long micros) throws IOException {
        while (!queue.isEmpty() && queue.peek().at < micros) {
            Pending p = queue.poll();
            emitter.current = p;
            p.render.render(emitter);
            if (failure != null) {
                throw failure;
            }
        }
        watermark = Math.max(watermark, Math.min(micros, end));
    }

    /** Line count per file, in {@link LogFile} order. */
    long lines(LogFile file) {
        return lines[file.ordinal()];
    }

    Map<AttackKind, Long> attackLines() {
        return attackLines;
    }

    private final class Emitter implements Out {
        Pending current;

        @Override
        public long at() {
            return current.at;
        }

        @Override
        public long recordId(Host host, int channel) {
            return ++recordIds[host.index()][channel];
        }

        @Override
        public long auditSerial(Host host) {
            return ++auditSerials[host.index()];
        }

        @Override
        public void emit(LogFile file, String line, String eventId) {
            if (failure != null) {
                return;
            }
            Label label = current.step == null ? null : current.step.label(eventId);
            try {
                sink.accept(file.connector, file.fileName, line, label);
            } catch (IOException e) {
                failure = e;
                return;
            }
            lines[file.ordinal()]++;
            if (label != null) {
                attackLines.merge(label.kind(), 1L, Long::sum);
            }
        }
    }
}
