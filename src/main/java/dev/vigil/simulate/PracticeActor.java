package dev.vigil.simulate;

import java.util.List;

/** Runs one {@link LocalPractice} every day at its hour (a few minutes' jitter) as the estate's first administrator. */
final class PracticeActor extends Actor {

    private static final long HOUR = 3_600_000_000L;
    private static final long DAY = 24 * HOUR;

    private final LocalPractice practice;
    private final AdminWork work;

    PracticeActor(Rng rng, Context ctx, int order, LocalPractice practice, Account admin) {
        super(rng, ctx, order);
        this.practice = practice;
        this.work = new AdminWork(ctx, rng.split(), admin);
    }

    @Override
    double peakPerHour() {
        return 1.0 / 24;
    }

    @Override
    double intensity(long micros) {
        return 1;
    }

    @Override
    void advance(long from) {
        long day = Math.floorDiv(from - practice.hour() * HOUR, DAY) + 1;
        long t = day * DAY + practice.hour() * HOUR + rng.between(0, 20 * 60_000_000L);
        setNext(t < ctx.tl().end() ? t : Long.MAX_VALUE);
    }

    @Override
    void act(long at) {
        switch (practice) {
            case NIGHTLY_DEPLOYMENT -> {
                List<Host> servers = ctx.world().hosts(Host.Role.WINDOWS_SERVER);
                for (int i = 0; i < Math.max(1, servers.size()); i++) {
                    work.psexec(at + i * rng.between(20_000_000, 90_000_000));
                }
            }
            case INVENTORY_SCRIPT -> {
                work.adminPowerShell(at);
                work.discovery(at + rng.between(5_000_000, 60_000_000));
            }
            case ACCOUNT_PROVISIONING -> work.createUser(at);
        }
    }
}
