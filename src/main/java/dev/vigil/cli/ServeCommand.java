package dev.vigil.cli;

import dev.vigil.appliance.Appliance;
import dev.vigil.appliance.ConsoleCertificate;
import dev.vigil.appliance.FirstStart;
import dev.vigil.appliance.RuntimeInfo;
import dev.vigil.tenancy.users.Users;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;

/** {@code vigil serve}: runs the appliance in the foreground until it is stopped (SIGTERM or Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the appliance: ingest, store, API. Stops cleanly on SIGTERM/Ctrl-C.")
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() throws InterruptedException {
        try (ApplicationContext context = start(options)) {
            printStarted(context, System.out);
            awaitShutdown(context);
        }
        return 0;
    }

    /** Starts the appliance with these options; the caller closes the context. */
    static ApplicationContext start(ServerOptions options) {
        if (RuntimeInfo.readLive(options.dataDir()).isPresent()) {
            throw new CliException("an appliance is already running on " + options.dataDir().toAbsolutePath()
                    + " (see 'vigil status'); two processes cannot share a data directory");
        }
        Micronaut micronaut = Micronaut.build(new String[0]).properties(options.properties()).banner(false);
        if (!options.configFiles().isEmpty()) {
            System.setProperty("micronaut.config.files",
                    String.join(",", options.configFiles().stream().map(Object::toString).toList()));
        }
        ApplicationContext context = micronaut.start();
        try {
            context.getBean(Appliance.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw new CliException("the appliance could not start: " + e.getMessage());
        }
        return context;
    }

    /** Prints where the appliance listens, its HTTPS fingerprint and, at first start, the first admin's password. */
    static void printStarted(ApplicationContext context, PrintStream out) {
        RuntimeInfo info = context.getBean(Appliance.class).runtimeInfo();
        out.println("Vigil is running (pid " + info.pid() + ", tenant " + info.tenant() + ")");
        out.println("  console, API and HEC:  " + info.httpUrl());
        if (info.httpUrl().startsWith("https:")) {
            out.println("  HTTPS certificate SHA-256 fingerprint (check it in your browser): "
                    + context.getBean(ConsoleCertificate.class).fingerprint());
        }
        context.getBean(FirstStart.class).oneTimeAdminPassword().ifPresent(password -> {
            out.println("  first console admin:   user '" + Users.FIRST_ADMIN + "', one-time password " + password);
            out.println("                         (shown only now; you must change it at first sign-in)");
        });
        if (info.syslogUdpPort() > 0) {
            out.println("  syslog UDP:            127.0.0.1:" + info.syslogUdpPort());
        }
        if (info.syslogTcpPort() > 0) {
            out.println("  syslog TCP:            127.0.0.1:" + info.syslogTcpPort());
        }
        if (info.syslogTlsPort() > 0) {
            out.println("  syslog TLS:            127.0.0.1:" + info.syslogTlsPort());
        }
    }

    /**
     * Waits until the context stops. Micronaut's own shutdown hook stops it on SIGTERM/Ctrl-C (running the appliance's
     * orderly stop and final commit); a second hook of ours would deadlock against it.
     */
    static void awaitShutdown(ApplicationContext context) throws InterruptedException {
        while (context.isRunning()) {
            Thread.sleep(200);
        }
    }
}
