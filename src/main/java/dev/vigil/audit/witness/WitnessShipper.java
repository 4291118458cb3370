package dev.vigil.audit.witness;

import dev.vigil.audit.CheckpointStore;
import dev.vigil.audit.note.SignedNote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Hands each new checkpoint to every configured witness on its own thread, so signing never waits on the network,
 * and keeps the latest cosigned checkpoint of each witness as {@code <audit>/cosigned-<n>.note} (atomically).
 */
public final class WitnessShipper implements Consumer<SignedNote>, AutoCloseable {

    private final List<WitnessClient> clients;
    private final Path directory;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-witness");
        t.setDaemon(true);
        return t;
    });

    public WitnessShipper(List<WitnessClient> clients, Path directory) {
        this.clients = List.copyOf(clients);
        this.directory = directory;
    }

    @Override
    public void accept(SignedNote note) {
        if (clients.isEmpty()) {
            return;
        }
        try {
            sender.execute(() -> {
                for (int i = 0; i < clients.size(); i++) {
                    SignedNote cosigned = clients.get(i).send(note);
                    if (cosigned != null) {
                        try {
                            CheckpointStore.writeAtomically(directory.resolve("cosigned-" + (i + 1) + ".note"), cosigned.encoded());
                        } catch (IOException e) {
                            // the status already says cosigned; the file is a convenience copy
                        }
                    }
                }
            });
        } catch (RejectedExecutionException closed) {
            // shutting down
        }
    }

    public List<String> status() {
        return clients.stream().map(WitnessClient::status).toList();
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
