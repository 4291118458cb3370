package dev.vigil.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands-on-keyboard reconnaissance from an implant on a user's workstation: a shell, then whoami /all, net group
 * "domain admins" /domain, nltest /dclist, ipconfig /all and a few extras, seconds apart in random order.
 */
final class Discovery implements AttackChain {

    private record Command(String line, String image, String technique, boolean net) {
    }

    @Override
    public SimulationSummary.Attack plant(Context ctx, Rng rng, String attackId, long at) {
        Account a = AttackChain.victim(ctx, rng);
        if (a == null) {
            return null;
        }
        Host h = a.home();
        Steps steps = new Steps(attackId, AttackKind.DISCOVERY);
        String user = ctx.user(a);
        String sys = "C:\\Windows\\System32\\";
        String dom = rng.chance(0.5) ? ctx.world().domain() : ctx.world().dnsSuffix();
        List<Command> core = new ArrayList<>(List.of(
                new Command(rng.pick("whoami /all", "whoami  /all", "whoami.exe /all", "whoami /priv"), sys + "whoami.exe", "T1033", false),
                new Command("net group " + rng.pick("\"domain admins\"", "\"Domain Admins\"", "\"enterprise admins\"") + " /domain",
                        sys + "net.exe", "T1069.002", true),
                new Command(rng.pick("nltest /dclist:" + dom, "nltest /domain_trusts", "nltest.exe /dclist:" + dom), sys + "nltest.exe", "T1482", false),
                new Command(rng.pick("ipconfig /all", "ipconfig  /all"), sys + "ipconfig.exe", "T1016", false)));
        List<Command> extra = List.of(new Command("systeminfo", sys + "systeminfo.exe", "T1082", false),
                new Command("net user /domain", sys + "net.exe", "T1087.002", true),
                new Command("arp -a", sys + "ARP.EXE", "T1016", false),
                new Command("net localgroup administrators", sys + "net.exe", "T1069.001", true),
                new Command("quser", sys + "quser.exe", "T1033", false));
        int extras = rng.between(0, 3);
        for (int i = 0; i < extras; i++) {
            core.add(rng.pick(extra));
        }
        String implant = rng.pick("C:\\Users\\" + a.name() + "\\AppData\\Local\\Temp\\" + rng.alpha(rng.between(4, 9)) + ".exe",
                "C:\\Windows\\System32\\rundll32.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
        Proc parent = Proc.start(rng, h, implant, implant.endsWith("rundll32.exe")
                ? "rundll32.exe C:\\Users\\" + a.name() + "\\AppData\\Local\\Temp\\" + rng.alpha(6) + ".dll,DllRegisterServer"
                : "\"" + implant + "\"", user, "Medium", "C:\\Users\\" + a.name() + "\\");
        Proc cmd = Proc.start(rng, h, sys + "cmd.exe", "C:\\Windows\\system32\\cmd.exe /c " + rng.pick("", "\"") , user,
                "Medium", "C:\\Users\\" + a.name() + "\\");
        cmd = new Proc(h, cmd.pid(), cmd.guid(), cmd.image(), "C:\\Windows\\system32\\cmd.exe", user, "Medium", cmd.cwd());
        ctx.win().processCreate(ctx.tl(), at, steps.next("T1059.003", "execution"), cmd, parent);
        long t = at;
        while (!core.isEmpty()) {
            Command c = core.remove(rng.between(0, core.size() - 1));
            t += rng.between(800_000, 25_000_000);
            Timeline.Step s = steps.next(c.technique(), "discovery");
            Proc p = Proc.start(rng, h, c.image(), c.line(), user, "Medium", cmd.cwd());
            ctx.win().processCreate(ctx.tl(), t, s, p, cmd);
            if (c.net()) {
                ctx.win().processCreate(ctx.tl(), t + rng.between(3_000, 30_000), s, Proc.start(rng, h, sys + "net1.exe",
                        "C:\\Windows\\system32\\net1 " + c.line().substring(4), user, "Medium", cmd.cwd()), p);
            }
        }
        return new SimulationSummary.Attack(attackId, AttackKind.DISCOVERY, AttackChain.instant(at), h.name(), a.name());
    }
}
