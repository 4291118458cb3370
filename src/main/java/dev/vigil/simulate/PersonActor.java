package dev.vigil.simulate;

import java.util.List;

/**
 * A person at their workstation: launching their usual programs, browsing their usual sites, unlocking, mistyping a
 * password now and then, using file servers; admins also administer, cloud users use AWS.
 */
final class PersonActor extends Actor {

    private static final double[] WEIGHTS = {30, 40, 5, 1.5, 8, 5, 4, 0, 0.6, 0};
    private final Account a;
    private final Proc explorer;
    private final Proc browser;
    private final AdminWork admin;
    private final CloudWork cloudWork;
    private final double[] weights;

    PersonActor(Rng rng, Context ctx, int order, Account a) {
        super(rng, ctx, order);
        this.a = a;
        this.explorer = ctx.explorer(a);
        String browserImage = a.apps().contains(1) && !a.apps().contains(0) ? Catalog.EDGE : Catalog.CHROME;
        this.browser = Proc.start(rng, a.home(), browserImage, "\"" + browserImage + "\"", ctx.user(a), "Medium",
                "C:\\Users\\" + a.name() + "\\");
        this.admin = new AdminWork(ctx, rng, a);
        this.cloudWork = new CloudWork(ctx, rng);
        this.weights = WEIGHTS.clone();
        weights[7] = a.admin() ? 7 : 0;
        weights[9] = a.cloud() ? 2.5 : 0;
    }

    @Override
    double peakPerHour() {
        return 45;
    }

    @Override
    double intensity(long micros) {
        return Rhythm.person(a, micros);
    }

    @Override
    void act(long at) {
        switch (rng.weighted(weights)) {
            case 0 -> launch(at);
            case 1 -> browse(at, browser, ctx.world().people().isEmpty() ? null
                    : Catalog.SITES.get(rng.pick(a.sites())));
            case 2 -> ctx.win().logon(ctx.tl(), at, null, a.home(), true, a.name(), ctx.world().domain(),
                    rng.pick(7, 7, 11, 2), "127.0.0.1", 0, a.home().name().toUpperCase(), Context.logonId(rng));
            case 3 -> mistypedUnlock(at);
            case 4 -> fileCreate(at);
            case 5 -> serverLogon(at, Host.Role.WINDOWS_SERVER, 445);
            case 6 -> serverLogon(at, Host.Role.DOMAIN_CONTROLLER, 88);
            case 7 -> admin.act(at);
            case 8 -> admin.installerTask(at, a.home());
            default -> cloudWork.personal(at, a);
        }
    }

    private void launch(long at) {
        Catalog.App app = Catalog.APPS.get(rng.pick(a.apps()));
        String image = app.image().replace("%U", a.name());
        String cmd = rng.pick(app.commandLines()).replace("%U", a.name())
                .replace("%d", Integer.toString(rng.between(1000, 99999)));
        Proc p = Proc.start(rng, a.home(), image, cmd, ctx.user(a), "Medium", "C:\\Users\\" + a.name() + "\\");
        ctx.win().processCreate(ctx.tl(), at, null, p, explorer);
        if (app.domains().length > 0) {
            String domain = rng.pick(app.domains());
            browse(at + rng.between(400_000, 3_000_000), p, new Catalog.Site(domain, 443, rng.between(4_000, 200_000)));
        }
    }

    private void browse(long at, Proc p, Catalog.Site site) {
        if (site == null) {
            return;
        }
        String ip = ctx.world().resolve(site.domain());
        ctx.win().dnsQuery(ctx.tl(), at, null, p, site.domain(), ip);
        ctx.net().dns(ctx.tl(), rng, at - rng.between(200, 2_000), null, a.home().ip(), site.domain(), ip);
        long connectAt = at + rng.between(5_000, 60_000);
        int sport = rng.ephemeralPort();
        long in = (long) rng.exp(site.meanBytesIn()) + 900;
        long out = rng.between(600, 4_000) + in / rng.between(20, 60);
        ctx.win().network(ctx.tl(), connectAt + rng.between(1_000, 50_000), null, p, sport, ip, site.port());
        ctx.net().tcp(ctx.tl(), rng, connectAt, null, a.home().ip(), sport, ip, site.port(),
                site.port() == 443 ? "ssl" : "http", site.domain(), out, in, 0.2 + rng.exp(25));
    }

    private void mistypedUnlock(long at) {
        String ws = a.home().name().toUpperCase();
        ctx.win().logon(ctx.tl(), at, null, a.home(), false, a.name(), ctx.world().domain(), 7, "127.0.0.1", 0, ws, "");
        if (rng.chance(0.4)) {
            at += rng.between(2_000_000, 9_000_000);
            ctx.win().logon(ctx.tl(), at, null, a.home(), false, a.name(), ctx.world().domain(), 7, "127.0.0.1", 0, ws, "");
        }
        ctx.win().logon(ctx.tl(), at + rng.between(3_000_000, 15_000_000), null, a.home(), true, a.name(),
                ctx.world().domain(), 7, "127.0.0.1", 0, ws, Context.logonId(rng));
    }

    private void fileCreate(long at) {
        String folder = rng.pick("Downloads", "Documents", "Desktop", "AppData\\Local\\Temp");
        String name = rng.pick("report_", "Q" + rng.between(1, 4) + "-review-", "scan", "invoice-", "notes-", "~WRL")
                + rng.between(10, 9999) + rng.pick(".pdf", ".docx", ".xlsx", ".tmp", ".zip", ".png");
        ctx.win().fileCreate(ctx.tl(), at, null, browser, "C:\\Users\\" + a.name() + "\\" + folder + "\\" + name);
    }

    private void serverLogon(long at, Host.Role role, int port) {
        List<Host> servers = ctx.world().hosts(role);
        if (servers.isEmpty()) {
            return;
        }
        Host server = rng.pick(servers);
        int sport = rng.ephemeralPort();
        ctx.net().tcp(ctx.tl(), rng, at, null, a.home().ip(), sport, server.ip(), port,
                port == 445 ? "smb,gssapi" : "krb_tcp", null, rng.between(800, 90_000), rng.between(600, 900_000),
                0.01 + rng.exp(4));
        ctx.win().logon(ctx.tl(), at + rng.between(2_000, 40_000), null, server, true, a.name(), ctx.world().domain(),
                3, a.home().ip(), sport, "-", Context.logonId(rng));
    }
}
