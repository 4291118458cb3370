package dev.vigil.simulate;

import java.util.List;

/**
 * A Linux server's own traffic: CI deploys over SSH with a key, internet scanners guessing a few passwords, package
 * updates and application commands audited by auditd.
 */
final class LinuxActor extends Actor {

    private static final List<String> SCANNED_USERS = List.of("admin", "test", "oracle", "ubuntu", "user", "git",
            "postgres", "support", "pi", "ftpuser", "guest");
    private final Host host;
    private final String ciIp;

    LinuxActor(Rng rng, Context ctx, int order, Host host) {
        super(rng, ctx, order);
        this.host = host;
        List<Host> linux = ctx.world().hosts(Host.Role.LINUX_SERVER);
        this.ciIp = linux.getFirst().ip();
    }

    @Override
    double peakPerHour() {
        return 30;
    }

    @Override
    double intensity(long micros) {
        return Rhythm.server(micros);
    }

    @Override
    void act(long at) {
        switch (rng.weighted(new double[]{35, 15, 45, 5})) {
            case 0 -> deploy(at);
            case 1 -> scanner(at);
            case 2 -> appCommand(at);
            default -> {
                Linux.exec(ctx.tl(), at, null, host, rng.between(2_000, 400_000), 1, 0, -1, -1,
                        "(none)", "/usr/bin/apt-get", List.of("/usr/bin/apt-get", "-qq", "update"), "exec");
            }
        }
    }

    private void deploy(long at) {
        int port = rng.ephemeralPort();
        ctx.net().tcp(ctx.tl(), rng, at, null, ciIp, port, host.ip(), 22, "ssh", null, rng.between(3_000, 40_000),
                rng.between(3_000, 20_000), 2 + rng.exp(20));
        LinuxSession s = new LinuxSession(ctx, rng, host, "deploy", 998);
        long t = s.open(at + rng.between(100_000, 300_000), null, ciIp, port, true);
        Linux.exec(ctx.tl(), t + rng.between(100_000, 900_000), null, host, rng.between(2_000, 400_000), 1, 998, 998,
                rng.between(3, 9_000), "(none)", "/usr/bin/docker", List.of("docker", "compose", "pull", "-q"), "exec");
        s.close(t + rng.between(2_000_000, 40_000_000), null);
    }

    private void scanner(long at) {
        String ip = rng.publicIp();
        int tries = rng.between(1, 4);
        long t = at;
        for (int i = 0; i < tries; i++) {
            int pid = rng.between(2_000, 400_000);
            int port = rng.between(1024, 65535);
            String user = rng.pick(SCANNED_USERS);
            String tag = "sshd[" + pid + "]";
            long flow = ctx.net().tcp(ctx.tl(), rng, t, null, ip, port, host.ip(), 22, "ssh", null,
                    rng.between(1_200, 3_000), rng.between(1_500, 3_500), 2 + rng.exp(3));
            if (i > 0 && rng.chance(0.3)) {
                ctx.net().alert(ctx.tl(), t + 50_000, null, flow, ip, port, host.ip(), 22, 2001219,
                        "ET SCAN Potential SSH Scan", "Attempted Information Leak", 2);
            }
            Linux.auth(ctx.tl(), t + 200_000, null, host, tag, "Invalid user " + user + " from " + ip + " port " + port);
            Linux.auth(ctx.tl(), t + rng.between(1_500_000, 3_500_000), null, host, tag,
                    "Failed password for invalid user " + user + " from " + ip + " port " + port + " ssh2");
            Linux.auth(ctx.tl(), t + rng.between(3_600_000, 5_000_000), null, host, tag,
                    "Connection closed by invalid user " + user + " " + ip + " port " + port + " [preauth]");
            t += rng.between(5_000_000, 60_000_000);
        }
    }

    private void appCommand(long at) {
        List<String> argv = rng.pick(List.of("curl", "-s", "-o", "/dev/null", "http://127.0.0.1:8080/health"),
                List.of("/usr/bin/python3", "/opt/app/manage.py", "clearsessions"),
                List.of("logrotate", "/etc/logrotate.conf"), List.of("pg_dump", "-Fc", "appdb"),
                List.of("git", "-C", "/opt/app", "fetch", "--quiet"), List.of("df", "-h"));
        String exe = argv.getFirst().startsWith("/") ? argv.getFirst() : "/usr/bin/" + argv.getFirst();
        int uid = rng.pick(998, 33, 0, 999);
        Linux.exec(ctx.tl(), at, null, host, rng.between(2_000, 400_000), rng.between(900, 2_000), uid, -1, -1,
                "(none)", exe, argv, "exec");
    }
}
