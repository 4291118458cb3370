package dev.vigil.cli;

import dev.vigil.appliance.ConsoleCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code vigil tls fingerprint}: the SHA-256 fingerprint of the appliance's HTTPS certificate, to check in a browser. */
@Command(name = "tls", mixinStandardHelpOptions = true, description = "The appliance's HTTPS certificate.",
        subcommands = {TlsCommand.Fingerprint.class})
public final class TlsCommand {

    @Command(name = "fingerprint", mixinStandardHelpOptions = true,
            description = "Print the SHA-256 fingerprint of the HTTPS certificate (the one the CLI pins).")
    static final class Fingerprint implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Override
        public Integer call() {
            Path file = ConsoleCertificate.fingerprintFile(data.dataDir());
            try {
                System.out.println(Files.readString(file).trim());
                return 0;
            } catch (IOException e) {
                throw new CliException("no HTTPS fingerprint at " + file + ": the appliance writes it when it starts with "
                        + "HTTPS (" + e.getMessage() + ")");
            }
        }
    }
}
