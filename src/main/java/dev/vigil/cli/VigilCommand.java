package dev.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vigil} command: the appliance's single entry point, for running it and for operating it.
 *
 * <p>Every sub-command has {@code --help}; errors print one line saying what is wrong and what to do, and exit
 * non-zero (1 for a failed operation, 2 for a usage error).
 */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilVersion.class,
        description = "Vigil: on-premises security operations appliance.",
        subcommands = {
                ServeCommand.class,
                DemoCommand.class,
                SimulateCommand.class,
                StatusCommand.class,
                SearchCommand.class,
                IngestCommand.class,
                RulesCommand.class,
                AlertsCommand.class,
                IncidentsCommand.class,
                VerdictCommand.class,
                ConnectorsCommand.class,
                TokensCommand.class,
                UsersCommand.class,
                TlsCommand.class,
                ConsentCommand.class,
                DataUseCommand.class,
                FleetCommand.class,
                AuditCommand.class,
                ModelCommand.class,
                WitnessCommand.class,
                UpdateCommand.class,
                BundleCommand.class,
                SwitchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class VigilCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new VigilCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException failure) {
                commandLine.getErr().println("vigil: " + failure.getMessage());
                return failure.exitCode();
            }
            if (e instanceof IllegalArgumentException bad) {
                commandLine.getErr().println("vigil: " + bad.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
