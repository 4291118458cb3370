package dev.vigil.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * Remote execution from a user's workstation to another Windows host with PsExec (service PSEXESVC, 7045), WMIC
 * /node (WmiPrvSE child) or WinRM (wsmprovhost child), with the NTLM or Kerberos network logon on the target.
 */
final class LateralMovement implements AttackChain {

    @Override
    public SimulationSummary.Attack plant(Context ctx, Rng rng, String attackId, long at) {
        Account a = AttackChain.victim(ctx, rng);
        if (a == null) {
            return null;
        }
        List<Host> targets = new ArrayList<>(ctx.world().hosts().stream().filter(h -> h.windows() && h != a.home()).toList());
        if (targets.isEmpty()) {
            return null;
        }
        Host src = a.home();
        Host target = rng.pick(targets);
        Steps steps = new Steps(attackId, AttackKind.LATERAL_MOVEMENT);
        String user = ctx.user(a);
        Proc shell = Proc.start(rng, src, "C:\\Windows\\System32\\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", user,
                "High", "C:\\Windows\\system32\\");
        String payload = rng.pick("cmd.exe /c whoami > C:\\Windows\\Temp\\" + rng.alpha(5) + ".txt",
                "powershell.exe -nop -enc " + rng.base62(rng.between(60, 120)), "cmd.exe /c net localgroup administrators",
                "C:\\Windows\\Temp\\" + rng.alpha(6) + ".exe");
        switch (rng.between(0, 2)) {
            case 0 -> {
                String tool = rng.pick("C:\\Users\\" + a.name() + "\\Downloads\\PsExec64.exe", "C:\\Windows\\Temp\\PsExec.exe",
                        "C:\\ProgramData\\psx.exe");
                String cmd = tool.substring(tool.lastIndexOf('\\') + 1) + " \\\\" + target.name()
                        + rng.pick(" -accepteula -s ", " -s -d ", " -u " + ctx.world().domain() + "\\" + a.name() + " -p " + rng.base62(10) + " -s ")
                        + (payload.startsWith("cmd") ? payload.substring(4) : payload);
                Proc ps = Proc.start(rng, src, tool, cmd, user, "High", shell.cwd());
                new AdminWork(ctx, rng, a).remoteViaService(at, ps, target, payload.startsWith("C:") ? "cmd /c " + payload : payload,
                        steps.next("T1021.002", "lateral-movement"), steps.next("T1569.002", "execution"),
                        new AdminWork.PsExecShape(rng.chance(0.8) ? "PSEXESVC" : "PAExec-" + rng.between(1000, 9999) + "-" + src.name(), rng));
            }
            case 1 -> remote(ctx, rng, at, steps, a, shell, target, payload, "wmic.exe /node:" + rng.pick("\"" + target.name() + "\"",
                    target.ip(), target.name()) + " process call create \"" + payload + "\"",
                    "C:\\Windows\\System32\\wbem\\WMIC.exe", 135, "T1047", ctx.wmiPrvSe(target));
            default -> remote(ctx, rng, at, steps, a, shell, target, payload,
                    "powershell.exe -c \"Invoke-Command -ComputerName " + target.name() + " -ScriptBlock { " + payload + " }\"",
                    "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", 5985, "T1021.006",
                    Proc.start(rng, target, "C:\\Windows\\System32\\wsmprovhost.exe", "C:\\Windows\\system32\\wsmprovhost.exe -Embedding",
                            user, "High", "C:\\Windows\\system32\\"));
        }
        return new SimulationSummary.Attack(attackId, AttackKind.LATERAL_MOVEMENT, AttackChain.instant(at), src.name(), a.name());
    }

    private static void remote(Context ctx, Rng rng, long at, Steps steps, Account a, Proc shell, Host target, String payload,
                               String cmd, String image, int port, String technique, Proc remoteParent) {
        Timeline.Step move = steps.next(technique, "lateral-movement");
        Proc tool = Proc.start(rng, shell.host(), image, cmd, shell.user(), "High", shell.cwd());
        ctx.win().processCreate(ctx.tl(), at, move, shell, ctx.explorer(a));
        long t = at + rng.between(2_000_000, 40_000_000);
        ctx.win().processCreate(ctx.tl(), t, move, tool, shell);
        int sport = rng.ephemeralPort();
        long c = t + rng.between(100_000, 600_000);
        ctx.win().network(ctx.tl(), c, move, tool, sport, target.ip(), port);
        ctx.net().tcp(ctx.tl(), rng, c, move, shell.host().ip(), sport, target.ip(), port, port == 135 ? "dce_rpc" : "http",
                null, rng.between(3_000, 40_000), rng.between(2_000, 30_000), 0.5 + rng.exp(3));
        ctx.win().logon(ctx.tl(), c + rng.between(20_000, 200_000), move, target, true, a.name(), ctx.world().domain(), 3,
                shell.host().ip(), sport, port == 135 ? shell.host().name().toUpperCase() : "-", Context.logonId(rng));
        Timeline.Step exec = steps.next(port == 135 ? "T1047" : "T1059.001", "execution");
        String childImage = payload.startsWith("C:") ? payload : payload.startsWith("cmd")
                ? "C:\\Windows\\System32\\cmd.exe" : "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
        long e = c + rng.between(400_000, 3_000_000);
        if (port != 135) {
            ctx.win().processCreate(ctx.tl(), e - 200_000, exec, remoteParent, ctx.svchost(target));
        }
        ctx.win().processCreate(ctx.tl(), e, exec, Proc.start(rng, target, childImage, payload, ctx.user(a), "High",
                "C:\\Windows\\system32\\"), remoteParent);
    }
}
