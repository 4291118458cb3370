package dev.vigil.appliance;

import dev.vigil.audit.AuditCheckpointer;
import dev.vigil.audit.AuditService;
import dev.vigil.audit.AuditSigningKey;
import dev.vigil.audit.AuditTrail;
import dev.vigil.audit.CheckpointStore;
import dev.vigil.audit.syslog.AuditSyslogShipper;
import dev.vigil.audit.syslog.SyslogCollector;
import dev.vigil.audit.witness.WitnessClient;
import dev.vigil.audit.witness.WitnessShipper;
import dev.vigil.event.EventObserver;
import dev.vigil.ingest.EventNormalizer;
import dev.vigil.ingest.IndexingPipeline;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolSettings;
import dev.vigil.store.EventStore;
import dev.vigil.store.StoreSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Creates the appliance's process-wide singletons that are not beans by themselves. */
@Factory
public class ApplianceFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Bean(preDestroy = "close")
    AuditTrail auditTrail(VigilSettings settings, Clock clock) {
        return new AuditTrail(settings.dataDir().resolve("audit"), clock, settings.policyVersion());
    }

    /** Signs checkpoints of the audit trail with the key generated at first start under {@code <data>/audit/}; eager. */
    @io.micronaut.context.annotation.Context
    @Bean(preDestroy = "close")
    AuditCheckpointer auditCheckpointer(AuditTrail trail, AuditSettings audit, Clock clock) {
        String origin = audit.origin() != null ? audit.origin()
                : "vigil.audit/" + java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(8));
        AuditCheckpointer checkpointer = new AuditCheckpointer(trail,
                AuditSigningKey.loadOrCreate(trail.directory(), "checkpoint", origin),
                new CheckpointStore(trail.directory()), clock, audit.checkpointInterval(), audit.checkpointEntries());
        checkpointer.start();
        return checkpointer;
    }

    /** Sends every checkpoint to the configured witnesses (none by default). */
    @io.micronaut.context.annotation.Context
    @Bean(preDestroy = "close")
    WitnessShipper witnessShipper(AuditTrail trail, AuditCheckpointer checkpointer, AuditSettings audit) {
        WitnessShipper shipper = new WitnessShipper(audit.witnesses().stream()
                .map(w -> WitnessClient.configured(w, trail)).toList(), trail.directory());
        checkpointer.addListener(shipper);
        return shipper;
    }

    /** Ships every entry and checkpoint to the syslog collector when {@code vigil.audit.syslog.host} is set; eager. */
    @io.micronaut.context.annotation.Context
    @io.micronaut.context.annotation.Requires(property = "vigil.audit.syslog.host")
    @Bean(preDestroy = "close")
    AuditSyslogShipper auditSyslogShipper(AuditTrail trail, AuditCheckpointer checkpointer, AuditSyslogSettings syslog,
                                          Clock clock) {
        SyslogCollector collector = syslog.tls()
                ? SyslogCollector.tls(syslog.host(), syslog.effectivePort(), syslog.truststore(), syslog.truststorePassword())
                : SyslogCollector.tcp(syslog.host(), syslog.effectivePort());
        String hostName = syslog.hostName() != null ? syslog.hostName() : localHostName();
        AuditSyslogShipper shipper = new AuditSyslogShipper(trail, collector, hostName, syslog.maxBackoff(),
                Duration.ofMillis(200), syslog.batchSize(), clock);
        checkpointer.addListener(shipper);
        shipper.start();
        return shipper;
    }

    @Singleton
    AuditService auditService(AuditTrail trail, AuditCheckpointer checkpointer, WitnessShipper witnesses,
                              Optional<AuditSyslogShipper> syslog) {
        return new AuditService(trail, checkpointer, new CheckpointStore(trail.directory()), () -> {
            List<String> status = new java.util.ArrayList<>(witnesses.status());
            syslog.ifPresent(s -> status.add(s.status()));
            return status;
        });
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "-";
        }
    }

    @Singleton
    @Bean(preDestroy = "close")
    Spool spool(VigilSettings settings) {
        return new Spool(new SpoolSettings(settings.dataDir().resolve("spool"), 64L << 20, settings.spoolMaxBytes()));
    }

    @Singleton
    @Bean(preDestroy = "close")
    EventStore eventStore(VigilSettings settings) {
        return new EventStore(StoreSettings.defaults(settings.dataDir().resolve("events")));
    }

    @Singleton
    IndexingPipeline indexingPipeline(Spool spool, EventStore store, EventNormalizer normalizer, Clock clock,
                                      List<EventObserver> observers) {
        return new IndexingPipeline(spool, store, normalizer, Duration.ofSeconds(1),
                Math.max(1, Runtime.getRuntime().availableProcessors()), clock, observers);
    }
}
