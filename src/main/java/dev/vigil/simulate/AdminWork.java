package dev.vigil.simulate;

import java.util.List;

/**
 * Legitimate IT administration that resembles attacks: elevated PowerShell, discovery commands, PsExec to servers,
 * creating users, SSH with sudo, and software installers registering scheduled tasks and Run keys. None is labelled.
 */
final class AdminWork {

    private static final String PS = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
    private static final String CMD = "C:\\Windows\\System32\\cmd.exe";
    private static final List<String> SCRIPTS = List.of("Get-Inventory.ps1", "Reset-PrintSpooler.ps1",
            "Sync-LocalAdmins.ps1", "Export-MailboxStats.ps1", "Invoke-PatchCheck.ps1", "Clear-TeamsCache.ps1");
    private static final List<String> INSTALLER_TASKS = List.of("Adobe Acrobat Update Task",
            "OneDrive Reporting Task-%S", "GoogleUpdateTaskMachineCore{%G}", "ZoomUpdateTask", "MicrosoftEdgeUpdateTaskMachineUA",
            "Dell SupportAssistAgent AutoUpdate");

    private final Context ctx;
    private final Rng rng;
    private final Account a;

    AdminWork(Context ctx, Rng rng, Account a) {
        this.ctx = ctx;
        this.rng = rng;
        this.a = a;
    }

    void act(long at) {
        switch (rng.between(0, 5)) {
            case 0 -> adminPowerShell(at);
            case 1 -> discovery(at);
            case 2 -> psexec(at);
            case 3 -> ssh(at);
            case 4 -> createUser(at);
            default -> adminPowerShell(at);
        }
    }

    private Proc elevated(String image, String cmd) {
        return Proc.start(rng, a.home(), image, cmd, ctx.user(a), "High", "C:\\Windows\\system32\\");
    }

    void adminPowerShell(long at) {
        String share = ctx.world().hosts(Host.Role.WINDOWS_SERVER).stream().findFirst().map(Host::name).orElse("localhost");
        String cmd = rng.pick(
                "\"" + PS + "\" -NoProfile -ExecutionPolicy Bypass -File \\\\" + share + "\\it$\\scripts\\" + rng.pick(SCRIPTS),
                "\"" + PS + "\" ",
                "\"" + PS + "\" -NoExit -Command \"Enter-PSSession -ComputerName " + share + "\"",
                "powershell.exe -ExecutionPolicy RemoteSigned -Command \"Get-Service | Where-Object Status -eq 'Stopped'\"");
        ctx.win().processCreate(ctx.tl(), at, null, elevated(PS, cmd), ctx.explorer(a));
    }

    void discovery(long at) {
        Proc cmd = elevated(CMD, "\"" + CMD + "\" ");
        ctx.win().processCreate(ctx.tl(), at, null, cmd, ctx.explorer(a));
        int n = rng.between(1, 3);
        for (int i = 0; i < n; i++) {
            at += rng.between(4_000_000, 90_000_000);
            String line = rng.pick(Catalog.ADMIN_DISCOVERY).replace("%D", ctx.world().dnsSuffix())
                    .replace("%G", rng.pick(Catalog.ADMIN_GROUPS)).replace("%U", rng.pick(ctx.world().people()).name());
            String exe = line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' '));
            String image = "C:\\Windows\\System32\\" + exe + ".exe";
            ctx.win().processCreate(ctx.tl(), at, null, elevated(image, line), cmd);
        }
    }

    void psexec(long at) {
        List<Host> servers = ctx.world().hosts(Host.Role.WINDOWS_SERVER);
        if (servers.isEmpty()) {
            adminPowerShell(at);
            return;
        }
        Host target = rng.pick(servers);
        String remote = rng.pick("cmd /c \"gpupdate /force\"", "ipconfig /flushdns", "cmd /c \"net stop spooler && net start spooler\"",
                "cmd /c \"wuauclt /detectnow\"");
        String tool = rng.pick("C:\\Tools\\SysinternalsSuite\\PsExec64.exe", "C:\\Tools\\PsExec.exe");
        Proc ps = elevated(tool, tool.substring(tool.lastIndexOf('\\') + 1) + " \\\\" + target.name()
                + rng.pick(" -accepteula -s ", " -s ", " -h ") + remote);
        remoteViaService(at, ps, target, remote, null, null, new PsExecShape("PSEXESVC", rng));
    }

    /** The target-side footprint of PsExec, shared with the lateral-movement attack. */
    record PsExecShape(String serviceName, Rng rng) {
    }

    void remoteViaService(long at, Proc source, Host target, String remoteCmd, Timeline.Step step, Timeline.Step exec,
                          PsExecShape shape) {
        Context c = ctx;
        Rng r = shape.rng();
        c.win().processCreate(c.tl(), at, step, source, Proc.start(r, source.host(), CMD, "\"" + CMD + "\" ",
                source.user(), source.integrity(), source.cwd()));
        int sport = r.ephemeralPort();
        long t = at + r.between(300_000, 1_500_000);
        c.win().network(c.tl(), t, step, source, sport, target.ip(), 445);
        c.net().tcp(c.tl(), r, t, step, source.host().ip(), sport, target.ip(), 445, "smb,gssapi", null,
                r.between(180_000, 700_000), r.between(20_000, 90_000), 2 + r.exp(20));
        c.win().logon(c.tl(), t + r.between(20_000, 200_000), step, target, true, source.userName(),
                c.world().domain(), 3, source.host().ip(), sport, source.host().name().toUpperCase(), Context.logonId(r));
        String svcImage = "C:\\Windows\\" + shape.serviceName() + ".exe";
        Proc services = c.services(target);
        Proc svc = new Proc(target, 4 * r.between(250, 16_000), "{" + target.guidPrefix() + "-" + r.hex(4) + "-" + r.hex(4)
                + "-" + r.hex(4) + "-" + r.hex(4) + "00000000}", svcImage, svcImage, "NT AUTHORITY\\SYSTEM", "System",
                "C:\\Windows\\system32\\");
        long t2 = t + r.between(300_000, 1_200_000);
        c.win().fileCreate(c.tl(), t2, exec, Proc.system(target, "System", 4, "System"), svcImage);
        c.win().serviceInstalled(c.tl(), t2 + r.between(50_000, 300_000), exec, target, shape.serviceName(),
                "%SystemRoot%\\" + shape.serviceName() + ".exe", "LocalSystem");
        c.win().processCreate(c.tl(), t2 + r.between(400_000, 900_000), exec, svc, services);
        String childImage = remoteCmd.startsWith("cmd") ? CMD : "C:\\Windows\\System32\\"
                + remoteCmd.substring(0, remoteCmd.indexOf(' ')) + ".exe";
        c.win().processCreate(c.tl(), t2 + r.between(1_000_000, 2_000_000), exec, Proc.start(r, target, childImage,
                remoteCmd, "NT AUTHORITY\\SYSTEM", "System", "C:\\Windows\\system32\\"), svc);
    }

    void ssh(long at) {
        List<Host> linux = ctx.world().hosts(Host.Role.LINUX_SERVER);
        if (linux.isEmpty()) {
            discovery(at);
            return;
        }
        Host server = rng.pick(linux);
        int sport = rng.ephemeralPort();
        ctx.net().tcp(ctx.tl(), rng, at, null, a.home().ip(), sport, server.ip(), 22, "ssh", null,
                rng.between(4_000, 60_000), rng.between(4_000, 200_000), 30 + rng.exp(600));
        LinuxSession s = new LinuxSession(ctx, rng, server, a.name(), a.uid());
        long t = s.open(at + rng.between(150_000, 600_000), null, a.home().ip(), sport, true);
        int cmds = rng.between(1, 3);
        for (int i = 0; i < cmds; i++) {
            t += rng.between(5_000_000, 120_000_000);
            s.sudo(t, null, rng.pick(Catalog.LINUX_COMMANDS));
        }
        s.close(t + rng.between(10_000_000, 300_000_000), null);
    }

    void createUser(long at) {
        List<Host> dcs = ctx.world().hosts(Host.Role.DOMAIN_CONTROLLER);
        String newUser = rng.pick(Catalog.FIRST).charAt(0) + rng.pick(Catalog.LAST) + (rng.chance(0.3) ? rng.between(2, 9) : "");
        if (dcs.isEmpty()) {
            Proc net = elevated("C:\\Windows\\System32\\net.exe", "net user " + newUser + " /add");
            ctx.win().processCreate(ctx.tl(), at, null, net, elevated(CMD, "\"" + CMD + "\" "));
            ctx.win().userCreated(ctx.tl(), at + rng.between(20_000, 200_000), null, a.home(), a.name(), newUser);
            return;
        }
        Proc ps = elevated(PS, "powershell.exe -Command \"New-ADUser -Name '" + newUser + "' -SamAccountName " + newUser
                + " -Path 'OU=Staff," + "DC=" + ctx.world().domain().toLowerCase() + ",DC=local' -Enabled $true\"");
        ctx.win().processCreate(ctx.tl(), at, null, ps, ctx.explorer(a));
        ctx.win().userCreated(ctx.tl(), at + rng.between(300_000, 3_000_000), null, rng.pick(dcs), a.name(), newUser);
    }

    /** An installer registering its updater: schtasks /Create with 4698, sometimes a Run key. */
    void installerTask(long at, Host host) {
        String name = rng.pick(INSTALLER_TASKS).replace("%S", a.sid()).replace("%G", rng.uuid().toUpperCase());
        String target = switch (name.substring(0, 4)) {
            case "Adob" -> "C:\\Program Files\\Common Files\\Adobe\\ARM\\1.0\\AdobeARM.exe";
            case "OneD" -> "%localappdata%\\Microsoft\\OneDrive\\OneDriveStandaloneUpdater.exe";
            case "Goog" -> "C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe";
            case "Zoom" -> "C:\\Program Files\\Zoom\\bin\\ZoomUpdater.exe";
            case "Micr" -> "C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\MicrosoftEdgeUpdate.exe";
            default -> "C:\\Program Files\\Dell\\SupportAssistAgent\\bin\\SupportAssistAgent.exe";
        };
        Proc msi = Proc.system(host, "C:\\Windows\\System32\\msiexec.exe", 4 * rng.between(300, 9000),
                "C:\\Windows\\system32\\msiexec.exe /V");
        Proc schtasks = Proc.start(rng, host, "C:\\Windows\\System32\\schtasks.exe", "\"C:\\Windows\\system32\\schtasks.exe\" /Create /TN \""
                + name + "\" /TR \"\\\"" + target + "\\\" /c\" /SC DAILY /ST " + Ts.pad(rng.between(0, 23), 2) + ":"
                + Ts.pad(rng.between(0, 59), 2) + " /F", "NT AUTHORITY\\SYSTEM", "System", "C:\\Windows\\system32\\");
        ctx.win().processCreate(ctx.tl(), at, null, schtasks, msi);
        ctx.win().taskCreated(ctx.tl(), at + rng.between(40_000, 400_000), null, host,
                host.name().toUpperCase() + "$", name, target, "/c");
        if (rng.chance(0.3)) {
            String app = name.split("[ {-]")[0];
            ctx.win().registrySet(ctx.tl(), at + rng.between(500_000, 3_000_000), null, msi,
                    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\" + app, "\"" + target + "\" /background");
        }
    }
}
