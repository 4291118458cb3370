package dev.vigil.cli;

import dev.vigil.audit.AuditSigningKey;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.witness.Witness;
import dev.vigil.audit.witness.WitnessServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code vigil witness serve}: a small C2SP tlog-witness for another host; needs no appliance. */
@Command(name = "witness", mixinStandardHelpOptions = true, description = "Run a transparency-log witness.",
        subcommands = WitnessCommand.Serve.class)
public final class WitnessCommand {

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Cosign Vigil audit checkpoints that are signed by a known log key and consistent with the last one.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "7380", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks one).")
        int port;
        @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String bind;
        @Option(names = "--data-dir", required = true, description = "Where the witness keeps its key and the latest checkpoint of each log.")
        Path dataDir;
        @Option(names = "--name", description = "The witness's key name, used when its key is generated (default: vigil-witness/<host>).")
        String name;
        @Option(names = "--log-key", required = true, paramLabel = "KEY",
                description = "A log's verifier key (NAME+ID+KEY, or a file holding it); repeatable. The name is the log's origin.")
        List<String> logKeys;

        @Override
        public Integer call() throws Exception {
            String keyName = name != null ? name : "vigil-witness/" + java.net.InetAddress.getLocalHost().getHostName();
            List<NoteVerifierKey> keys = new java.util.ArrayList<>();
            for (String k : logKeys) {
                keys.add(NoteVerifierKey.parse(AuditCommand.textOrFile(k)));
            }
            Witness witness = new Witness(AuditSigningKey.loadOrCreate(dataDir, "witness", keyName), keys,
                    dataDir.resolve("logs"), Clock.systemUTC());
            try (WitnessServer server = new WitnessServer(witness, new InetSocketAddress(bind, port))) {
                System.out.println("Witness listening on " + bind + ":" + server.port() + " for " + keys.size() + " log(s)");
                System.out.println("Witness key (give it to the appliance): " + witness.cosignerKey().encoded());
                new CountDownLatch(1).await();
            }
            return 0;
        }
    }
}
