package dev.vigil.appliance;

import dev.vigil.connectors.LineFramer;
import dev.vigil.ingest.IndexingPipeline;
import dev.vigil.ingest.file.FileTailer;
import dev.vigil.ingest.file.TailOffsets;
import dev.vigil.ingest.file.TailPosition;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolCursor;
import dev.vigil.ingest.spool.SpooledRecord;
import dev.vigil.ingest.syslog.ListenerBinding;
import dev.vigil.ingest.ListenerCounters;
import dev.vigil.ingest.syslog.SyslogTcpListener;
import dev.vigil.ingest.syslog.SyslogUdpListener;
import dev.vigil.store.EventStore;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.users.Sessions;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The running appliance: starts, in order, the tenant registry checks, the indexing pipeline (which first replays
 * whatever the spool holds beyond the store's last commit), the syslog listeners, the file tailers, retention and the
 * removal of ended console sessions,
 * then publishes {@code <data>/run/appliance.json}; stops them in reverse order, finishing with a store commit.
 *
 * <p>Guarantees: {@link #start()} either starts everything or throws naming what failed (a port in use, a missing
 * connector) and leaves nothing running; a start after a crash loses no acknowledged event.
 */
@Singleton
public class Appliance {

    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);
    private static final int MAX_SYSLOG_MESSAGE = 64 * 1024;

    private final VigilSettings settings;
    private final FirstStart firstStart;
    private final Spool spool;
    private final EventStore store;
    private final IndexingPipeline pipeline;
    private final LineFramers framers;
    private final Provider<EmbeddedServer> server;
    private final Provider<io.micrometer.core.instrument.MeterRegistry> meters;
    private final Clock clock;
    private final Sessions sessions;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, ListenerCounters> listeners = new LinkedHashMap<>();
    private final Instant startedAt;
    private ScheduledExecutorService housekeeping;
    private RuntimeInfo info;
    private TenantId tenant;

    public Appliance(VigilSettings settings, FirstStart firstStart, Spool spool, EventStore store,
                     IndexingPipeline pipeline, LineFramers framers, Provider<EmbeddedServer> server,
                     Provider<io.micrometer.core.instrument.MeterRegistry> meters, Clock clock, Sessions sessions) {
        this.settings = settings;
        this.firstStart = firstStart;
        this.spool = spool;
        this.store = store;
        this.pipeline = pipeline;
        this.framers = framers;
        this.server = server;
        this.meters = meters;
        this.clock = clock;
        this.sessions = sessions;
        this.startedAt = clock.instant();
    }

    public synchronized void start() {
        if (info != null) {
            return;
        }
        try {
            tenant = firstStart.run();
            pipeline.start();
            VigilSettings.Syslog syslog = settings.syslog();
            InetAddress bind = InetAddress.getByName(syslog.bindAddress() == null ? "127.0.0.1" : syslog.bindAddress());
            int tcpPort = -1;
            int udpPort = -1;
            int tlsPort = -1;
            framers.require(syslog.connector(), "vigil.syslog.connector");
            if (syslog.tcpPort() >= 0) {
                SyslogTcpListener tcp = new SyslogTcpListener(binding(bind, syslog.tcpPort(), syslog.connector()), spool, clock, null);
                tcp.start();
                tcpPort = tcp.port();
                track(tcp, tcp.name(), tcp.counters());
            }
            if (syslog.udpPort() >= 0) {
                // with both on "0", UDP takes the port TCP got, so senders need one number
                int port = syslog.udpPort() == 0 && tcpPort > 0 ? tcpPort : syslog.udpPort();
                SyslogUdpListener udp = new SyslogUdpListener(binding(bind, port, syslog.connector()), spool, clock);
                udp.start();
                udpPort = udp.port();
                track(udp, udp.name(), udp.counters());
            }
            if (syslog.tlsPort() >= 0) {
                SyslogTcpListener tls = new SyslogTcpListener(binding(bind, syslog.tlsPort(), syslog.connector()), spool,
                        clock, tlsContext(syslog));
                tls.start();
                tlsPort = tls.port();
                track(tls, tls.name(), tls.counters());
            }
            startTailers();
            housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vigil-retention").daemon(true).factory());
            housekeeping.scheduleAtFixedRate(this::applyRetention, 0, 1, TimeUnit.HOURS);
            housekeeping.scheduleAtFixedRate(this::purgeSessions, 1, 10, TimeUnit.MINUTES);
            listeners.forEach((name, counters) -> ApplianceMetrics.bindListener(meters.get(), name, counters));
            EmbeddedServer http = server.get();
            String url = http.getURL().toString();
            info = new RuntimeInfo(ProcessHandle.current().pid(), url.endsWith("/") ? url : url + "/", udpPort, tcpPort, tlsPort,
                    tenant.value(), startedAt);
            info.write(settings.dataDir());
        } catch (IOException | RuntimeException e) {
            stop();
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    public RuntimeInfo runtimeInfo() {
        if (info == null) {
            throw new IllegalStateException("the appliance has not started");
        }
        return info;
    }

    public TenantId tenant() {
        return tenant;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Counters of every listener and tailer, by name. */
    public Map<String, ListenerCounters.Snapshot> listenerCounters() {
        Map<String, ListenerCounters.Snapshot> out = new LinkedHashMap<>();
        listeners.forEach((name, c) -> out.put(name, c.snapshot()));
        return out;
    }

    @PreDestroy
    public synchronized void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", running.get(i), e.getMessage());
            }
        }
        running.clear();
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        pipeline.close();
        try {
            Files.deleteIfExists(RuntimeInfo.file(settings.dataDir()));
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", RuntimeInfo.file(settings.dataDir()), e.getMessage());
        }
        info = null;
    }

    private void startTailers() throws IOException {
        if (settings.files().isEmpty()) {
            return;
        }
        TailOffsets offsets = new TailOffsets(settings.dataDir().resolve("tail"));
        Map<String, TailPosition> spooled = lastSpooledFilePositions();
        for (String entry : settings.files()) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("vigil.files entry '" + entry + "' must be CONNECTOR=PATH");
            }
            String connector = entry.substring(0, eq).trim();
            Path path = Path.of(entry.substring(eq + 1).trim()).toAbsolutePath().normalize();
            Function<String, LineFramer> factory = framers.require(connector, "vigil.files");
            FileTailer tailer = new FileTailer(path, tenant, connector, () -> factory.apply(connector), spool, offsets,
                    clock, Duration.ofMillis(250));
            tailer.start(spooled.getOrDefault(path.toString(), null));
            track(tailer, tailer.name(), tailer.counters());
        }
    }

    /** For each followed file, the furthest position still in the unreleased spool (closes the crash window). */
    private Map<String, TailPosition> lastSpooledFilePositions() {
        Map<String, TailPosition> out = new HashMap<>();
        try (SpoolCursor cursor = spool.openCursor(store.durableSequence() + 1)) {
            List<SpooledRecord> batch;
            while (!(batch = cursor.poll(8192, Duration.ZERO)).isEmpty()) {
                for (SpooledRecord r : batch) {
                    String source = r.record().source();
                    if (source.startsWith("file:") && r.record().sourceOffset() >= 0) {
                        int at = source.lastIndexOf('@');
                        String file = source.substring(5, at);
                        long inode = Long.parseLong(source.substring(at + 1));
                        TailPosition position = new TailPosition(inode, r.record().sourceOffset());
                        out.merge(file, position, (a, b) -> b.max(a));
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot read the spool to resume file tails: " + e.getMessage(), e);
        }
        return out;
    }

    private void applyRetention() {
        try {
            var dropped = store.applyRetention(settings.retentionDays(), clock.instant());
            if (!dropped.isEmpty()) {
                LOG.info("retention ({} days) dropped {} day indexes: {}", settings.retentionDays(), dropped.size(), dropped);
            }
        } catch (RuntimeException e) {
            LOG.warn("retention failed: {}", e.getMessage(), e);
        }
    }

    private void purgeSessions() {
        try {
            int purged = sessions.purgeExpired();
            if (purged > 0) {
                LOG.debug("removed {} ended console sessions", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("removing ended console sessions failed: {}", e.getMessage(), e);
        }
    }

    private ListenerBinding binding(InetAddress bind, int port, String connector) {
        return new ListenerBinding(bind, port, tenant, connector, MAX_SYSLOG_MESSAGE);
    }

    private SSLContext tlsContext(VigilSettings.Syslog syslog) {
        Path keystore = syslog.tlsKeystore() != null ? syslog.tlsKeystore()
                : settings.dataDir().resolve("tls").resolve("syslog.p12");
        char[] password = (syslog.tlsKeystorePassword() != null ? syslog.tlsKeystorePassword() : "vigil").toCharArray();
        try {
            KeyStore store = syslog.tlsKeystore() != null ? loadKeystore(keystore, password)
                    : SelfSignedCertificates.ensure(keystore, password, "syslog");
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the syslog TLS keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore loadKeystore(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private void track(AutoCloseable component, String name, ListenerCounters counters) {
        running.add(component);
        listeners.put(name, counters);
    }
}
