package dev.vigil.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Generates a labelled, realistic security-log dataset from {@link SimulationOptions}.
 *
 * <p>Guarantees: the sink receives lines in non-decreasing time order across all files; the same options always
 * produce the same lines in the same order (all randomness comes from the seed, split per entity; the clock is
 * never read); memory is bounded by the events in flight, not by the run length, so runs of tens of millions of
 * lines stream through. Every labelled line belongs to a planted attack chain and nothing else is labelled,
 * although benign activity deliberately includes look-alikes (admin PowerShell, PsExec, installer tasks, new users).
 */
public final class Simulator {

    private static final Map<AttackKind, AttackChain> CHAINS = chains();

    private Simulator() {
    }

    /** Writes a dataset into {@code dir} (created if needed) with a {@link DirectorySink} and returns its summary. */
    public static SimulationSummary writeTo(Path dir, SimulationOptions options) throws IOException {
        try (DirectorySink sink = new DirectorySink(dir)) {
            return run(options, sink);
        }
    }

    /** Streams a dataset to {@code sink}, calls {@link SimulationSink#finish} and returns the summary. */
    public static SimulationSummary run(SimulationOptions options, SimulationSink sink) throws IOException {
        return run(options, java.util.Set.of(), sink);
    }

    /**
     * Streams a dataset with the given estate-specific {@link LocalPractice}s running every day besides the usual
     * activity. With none, the output is byte-identical to {@link #run(SimulationOptions, SimulationSink)}'s.
     */
    public static SimulationSummary run(SimulationOptions options, java.util.Set<LocalPractice> practices,
                                        SimulationSink sink) throws IOException {
        Rng root = Rng.seeded(options.seed());
        World world = World.build(options.seed(), options.hosts(), root.split());
        long start = micros(options.start());
        long end = micros(options.end());
        Timeline tl = new Timeline(sink, start, end, world);
        Context ctx = new Context(world, tl, new Windows(world), new Net(world), new Cloud(world));

        List<SimulationSummary.Attack> planted = new ArrayList<>();
        List<AttackKind> notPlaced = new ArrayList<>();
        Rng attackRng = root.split();
        int instances = (int) Math.max(1, Math.ceil(options.duration().toMinutes() / (24.0 * 60)));
        long span = end - start;
        long latest = Math.max(1, span - Math.min(span / 4, 3 * 3_600_000_000L));
        for (AttackKind kind : options.attacksInOrder()) {
            boolean any = false;
            for (int i = 0; i < instances; i++) {
                long at = start + attackRng.between(0L, latest - 1);
                SimulationSummary.Attack a = CHAINS.get(kind).plant(ctx, attackRng.split(),
                        kind.optionName() + "-" + (i + 1), at);
                if (a != null) {
                    planted.add(a);
                    any = true;
                }
            }
            if (!any) {
                notPlaced.add(kind);
            }
        }

        PriorityQueue<Actor> actors = new PriorityQueue<>((a, b) -> a.next() != b.next()
                ? Long.compare(a.next(), b.next()) : Integer.compare(a.order(), b.order()));
        List<Actor> all = actors(ctx, root);
        if (!practices.isEmpty() && !ctx.world().admins().isEmpty()) {
            Rng practiceRng = Rng.seeded(options.seed() ^ 0x5eed_1a7e_0000_0001L); // apart from root: other actors unchanged
            int order = all.size();
            for (LocalPractice p : java.util.EnumSet.copyOf(practices)) {
                all.add(new PracticeActor(practiceRng.split(), ctx, order++, p, ctx.world().admins().getFirst()));
            }
        }
        for (Actor a : all) {
            a.advance(start);
            if (a.next() != Long.MAX_VALUE) {
                actors.add(a);
            }
        }
        while (!actors.isEmpty()) {
            Actor a = actors.poll();
            tl.flushBefore(a.next());
            a.act(a.next());
            a.advance(a.next());
            if (a.next() != Long.MAX_VALUE) {
                actors.add(a);
            }
        }
        tl.flushBefore(end);

        Map<String, SimulationSummary.FileCount> files = new LinkedHashMap<>();
        for (LogFile f : LogFile.values()) {
            files.put(f.fileName, new SimulationSummary.FileCount(f.connector, tl.lines(f)));
        }
        Map<AttackKind, Long> lines = new EnumMap<>(AttackKind.class);
        for (AttackKind k : options.attacksInOrder()) {
            lines.put(k, tl.attackLines().getOrDefault(k, 0L));
        }
        SimulationSummary summary = new SimulationSummary(options, files, new LinkedHashMap<>(lines), planted, notPlaced);
        sink.finish(summary);
        return summary;
    }

    private static List<Actor> actors(Context ctx, Rng root) {
        List<Actor> actors = new ArrayList<>();
        int order = 0;
        for (Account a : ctx.world().people()) {
            actors.add(new PersonActor(root.split(), ctx, order++, a));
        }
        for (Host h : ctx.world().hosts()) {
            switch (h.role()) {
                case WINDOWS_SERVER, DOMAIN_CONTROLLER -> actors.add(new ServerActor(root.split(), ctx, order++, h));
                case LINUX_SERVER -> {
                    actors.add(new LinuxActor(root.split(), ctx, order++, h));
                    actors.add(new CronActor(root.split(), ctx, order++, h));
                }
                default -> {
                }
            }
        }
        actors.add(new CloudActor(root.split(), ctx, order));
        return actors;
    }

    private static Map<AttackKind, AttackChain> chains() {
        Map<AttackKind, AttackChain> m = new EnumMap<>(AttackKind.class);
        m.put(AttackKind.CREDENTIAL_DUMPING, new CredentialDumping());
        m.put(AttackKind.LATERAL_MOVEMENT, new LateralMovement());
        m.put(AttackKind.PERSISTENCE, new Persistence());
        m.put(AttackKind.SSH_BRUTE_FORCE, new SshBruteForce());
        m.put(AttackKind.DISCOVERY, new Discovery());
        m.put(AttackKind.EXFILTRATION, new Exfiltration());
        m.put(AttackKind.CLOUD_ACCOUNT_TAKEOVER, new CloudAccountTakeover());
        return java.util.Collections.unmodifiableMap(m);
    }

    private static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }
}
