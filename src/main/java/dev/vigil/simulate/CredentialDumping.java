package dev.vigil.simulate;

/**
 * LSASS memory theft on a user's workstation: an elevated shell, then comsvcs.dll MiniDump, procdump -ma or mimikatz
 * sekurlsa::logonpasswords, with the Sysmon 10 handle to lsass.exe and, for dumps, the dump file.
 */
final class CredentialDumping implements AttackChain {

    @Override
    public SimulationSummary.Attack plant(Context ctx, Rng rng, String attackId, long at) {
        Account a = AttackChain.victim(ctx, rng);
        if (a == null) {
            return null;
        }
        Host h = a.home();
        Steps steps = new Steps(attackId, AttackKind.CREDENTIAL_DUMPING);
        String user = ctx.user(a);
        boolean ps = rng.chance(0.5);
        String shellImage = ps ? "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" : "C:\\Windows\\System32\\cmd.exe";
        Proc shell = Proc.start(rng, h, shellImage, ps ? rng.pick("powershell.exe -nop -w hidden", "\"" + shellImage + "\" ",
                "powershell -ep bypass") : "\"C:\\Windows\\system32\\cmd.exe\" ", user, "High", "C:\\Windows\\system32\\");
        ctx.win().processCreate(ctx.tl(), at, steps.next(ps ? "T1059.001" : "T1059.003", "execution"), shell,
                ctx.explorer(a));
        Timeline.Step dump = steps.next("T1003.001", "credential-access");
        long t = at + rng.between(35_000_000, 180_000_000);
        Proc lsass = ctx.lsass(h);
        String temp = rng.pick("C:\\Windows\\Temp\\", "C:\\Users\\" + a.name() + "\\AppData\\Local\\Temp\\", "C:\\ProgramData\\",
                "C:\\Users\\Public\\");
        String dumpFile = temp + rng.pick(rng.alpha(rng.between(3, 8)), "lsass", "debug", "out" + rng.between(1, 99))
                + rng.pick(".dmp", ".dmp", ".bin", ".log");
        String trace = "C:\\Windows\\SYSTEM32\\ntdll.dll+" + rng.hex(5) + "|C:\\Windows\\System32\\KERNELBASE.dll+" + rng.hex(5);
        switch (rng.between(0, 2)) {
            case 0 -> {
                String cmd = rng.pick("rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump ",
                        "rundll32.exe comsvcs.dll MiniDump ", "\"C:\\Windows\\system32\\rundll32.exe\" C:\\Windows\\System32\\comsvcs.dll #24 ",
                        "rundll32 C:\\Windows\\System32\\comsvcs.dll,#+0000^24 ")
                        + lsass.pid() + " " + dumpFile + " full";
                Proc rd = Proc.start(rng, h, "C:\\Windows\\System32\\rundll32.exe", cmd, user, "High", shell.cwd());
                ctx.win().processCreate(ctx.tl(), t, dump, rd, shell);
                ctx.win().processAccess(ctx.tl(), t + rng.between(40_000, 400_000), dump, rd, lsass,
                        rng.pick("0x1410", "0x1fffff"), trace + "|C:\\Windows\\System32\\comsvcs.dll+" + rng.hex(4));
                ctx.win().fileCreate(ctx.tl(), t + rng.between(500_000, 3_000_000), dump, rd, dumpFile);
            }
            case 1 -> {
                String name = rng.pick("procdump64.exe", "procdump.exe", "pd64.exe");
                String image = temp + name;
                ctx.win().fileCreate(ctx.tl(), t - rng.between(2_000_000, 30_000_000), dump, shell, image);
                String cmd = name.replace(".exe", "") + rng.pick(" -accepteula -ma lsass.exe ", " -ma lsass.exe ",
                        " -accepteula -r -ma " + lsass.pid() + " ", " -mm lsass.exe ") + dumpFile;
                Proc pd = Proc.start(rng, h, image, cmd, user, "High", shell.cwd());
                ctx.win().processCreate(ctx.tl(), t, dump, pd, shell);
                ctx.win().processAccess(ctx.tl(), t + rng.between(40_000, 400_000), dump, pd, lsass,
                        rng.pick("0x1410", "0x1fffff"), trace + "|" + image + "+" + rng.hex(5));
                ctx.win().fileCreate(ctx.tl(), t + rng.between(500_000, 4_000_000), dump, pd, dumpFile);
            }
            default -> {
                String image = temp + rng.pick("mimikatz.exe", rng.alpha(rng.between(4, 8)) + ".exe", "m64.exe");
                ctx.win().fileCreate(ctx.tl(), t - rng.between(2_000_000, 30_000_000), dump, shell, image);
                String cmd = "\"" + image + "\"" + rng.pick(" \"privilege::debug\" \"sekurlsa::logonpasswords\" exit",
                        " privilege::debug sekurlsa::logonpasswords exit", " \"privilege::debug\" \"log\" \"sekurlsa::logonpasswords full\" \"exit\"");
                Proc mk = Proc.start(rng, h, image, cmd, user, "High", shell.cwd());
                ctx.win().processCreate(ctx.tl(), t, dump, mk, shell);
                ctx.win().processAccess(ctx.tl(), t + rng.between(300_000, 3_000_000), dump, mk, lsass, "0x1010",
                        trace + "|" + image + "+" + rng.hex(5));
            }
        }
        return new SimulationSummary.Attack(attackId, AttackKind.CREDENTIAL_DUMPING, AttackChain.instant(at), h.name(), a.name());
    }
}
