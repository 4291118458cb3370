package dev.vigil.simulate;

import java.util.List;

/** cron on a Linux server: a fixed crontab per host, run at its minutes with PAM session lines and auditd execs. */
final class CronActor extends Actor {

    private static final long MINUTE = 60_000_000L;
    private static final List<String> JOBS = List.of("/usr/local/bin/backup.sh", "/opt/app/bin/rotate-tokens",
            "/usr/lib/sysstat/debian-sa1 1 1", "/usr/local/bin/certbot-renew.sh", "/opt/scripts/sync-inventory.py",
            "/usr/bin/php /var/www/html/cron.php");
    private final Host host;
    private final String job;
    private final int periodMinutes;
    private final int offsetMinutes;

    CronActor(Rng rng, Context ctx, int order, Host host) {
        super(rng, ctx, order);
        this.host = host;
        this.job = rng.pick(JOBS);
        this.periodMinutes = rng.pick(10, 15, 30, 60, 60);
        this.offsetMinutes = rng.between(0, periodMinutes - 1);
    }

    @Override
    double peakPerHour() {
        return 60.0 / periodMinutes;
    }

    @Override
    double intensity(long micros) {
        return 1;
    }

    @Override
    void advance(long from) {
        long minute = Math.floorDiv(from, MINUTE) + 1;
        long m = minute + Math.floorMod(offsetMinutes - minute, (long) periodMinutes);
        long t = m * MINUTE + rng.between(2_000, 600_000);
        setNext(t < ctx.tl().end() ? t : Long.MAX_VALUE);
    }

    @Override
    void act(long at) {
        int pid = rng.between(2_000, 400_000);
        String tag = "CRON[" + pid + "]";
        Linux.auth(ctx.tl(), at, null, host, tag, "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)");
        List<String> argv = List.of("/bin/sh", "-c", job);
        Linux.exec(ctx.tl(), at + rng.between(1_000, 8_000), null, host, pid + 1, pid, 0, 0, rng.between(3, 90_000),
                "(none)", "/usr/bin/dash", argv, "exec");
        Linux.auth(ctx.tl(), at + rng.between(200_000, 50_000_000), null, host, tag,
                "pam_unix(cron:session): session closed for user root");
    }
}
