package dev.vigil.appliance;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * What a running appliance tells local tools about itself, in {@code <data>/run/appliance.json}: its process id and
 * where it listens. Written atomically once everything listens; removed at orderly shutdown. A file left by a killed
 * process is recognised by its dead pid.
 */
public record RuntimeInfo(long pid, String httpUrl, int syslogUdpPort, int syslogTcpPort, int syslogTlsPort,
                          String tenant, Instant startedAt) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public static Path file(Path dataDir) {
        return dataDir.resolve("run").resolve("appliance.json");
    }

    public void write(Path dataDir) {
        Path target = file(dataDir);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("appliance.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The info of a live appliance on this data directory, if one is running. */
    public static Optional<RuntimeInfo> readLive(Path dataDir) {
        Path source = file(dataDir);
        if (!Files.exists(source)) {
            return Optional.empty();
        }
        try {
            RuntimeInfo info = JSON.readValue(source.toFile(), RuntimeInfo.class);
            return ProcessHandle.of(info.pid()).filter(ProcessHandle::isAlive).map(p -> info);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
