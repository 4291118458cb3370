package dev.vigil.simulate;

import java.util.List;

/**
 * A Windows server or domain controller: service-account and user network logons, occasional failures, WMI and
 * service processes, following office load on top of a machine floor.
 */
final class ServerActor extends Actor {

    private final Host host;

    ServerActor(Rng rng, Context ctx, int order, Host host) {
        super(rng, ctx, order);
        this.host = host;
    }

    @Override
    double peakPerHour() {
        return host.role() == Host.Role.DOMAIN_CONTROLLER ? 240 : 60;
    }

    @Override
    double intensity(long micros) {
        return Rhythm.server(micros);
    }

    @Override
    void act(long at) {
        List<Account> people = ctx.world().people();
        int kind = rng.weighted(new double[]{50, 20, 4, 12, 6});
        switch (kind) {
            case 0 -> {
                Account a = people.isEmpty() ? null : rng.pick(people);
                String ip = a == null || a.home() == null ? host.ip() : a.home().ip();
                ctx.win().logon(ctx.tl(), at, null, host, true, a == null ? "-" : a.name(), ctx.world().domain(), 3, ip,
                        rng.ephemeralPort(), "-", Context.logonId(rng));
            }
            case 1 -> ctx.win().logon(ctx.tl(), at, null, host, true, rng.pick(ctx.world().serviceAccounts()),
                    ctx.world().domain(), rng.pick(3, 5), "-", 0, "-", Context.logonId(rng));
            case 2 -> {
                if (people.isEmpty()) {
                    return;
                }
                Account a = rng.pick(people);
                ctx.win().logon(ctx.tl(), at, null, host, false, a.name(), ctx.world().domain(), 3, a.home().ip(),
                        rng.ephemeralPort(), a.home().name().toUpperCase(), "");
            }
            case 3 -> {
                Proc child = Proc.start(rng, host, "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe",
                        "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding", "NT AUTHORITY\\NETWORK SERVICE",
                        "System", "C:\\Windows\\system32\\");
                ctx.win().processCreate(ctx.tl(), at, null, child, ctx.svchost(host));
            }
            default -> {
                String cmd = rng.pick("C:\\Windows\\system32\\wuauclt.exe /RunHandlerComServer",
                        "C:\\Windows\\system32\\MpCmdRun.exe -IdleTask -TaskName WdCacheMaintenance",
                        "C:\\Windows\\system32\\sc.exe start wuauserv", "C:\\Windows\\system32\\gpupdate.exe /target:computer");
                String image = cmd.substring(0, cmd.indexOf(' '));
                Proc p = Proc.start(rng, host, image, cmd, "NT AUTHORITY\\SYSTEM", "System", "C:\\Windows\\system32\\");
                ctx.win().processCreate(ctx.tl(), at, null, p, ctx.svchost(host));
            }
        }
    }
}
