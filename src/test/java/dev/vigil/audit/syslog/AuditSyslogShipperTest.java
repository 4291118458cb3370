package dev.vigil.audit.syslog;

import dev.vigil.appliance.SelfSignedCertificates;
import dev.vigil.audit.AuditCheckpointer;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditSigningKey;
import dev.vigil.audit.AuditTrail;
import dev.vigil.audit.CheckpointStore;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.SignedNote;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class AuditSyslogShipperTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> closing = new ArrayList<>();
    private AuditTrail trail;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void entriesAndCheckpointsArriveFramedInOrderAsRfc5424() throws Exception {
        TestCollector collector = collector(null);
        AuditCheckpointer checkpointer = checkpointer();
        List<AuditEntry> written = append(5);
        SignedNote first = checkpointer.signNow();
        written.addAll(append(2));
        AuditSyslogShipper shipper = shipper(SyslogCollector.tcp("127.0.0.1", collector.port()));
        checkpointer.addListener(shipper);

        List<TestCollector.Received> got = collector.await(r -> r.size() >= 8, "7 entries and 1 checkpoint");
        SignedNote second = checkpointer.signNow();
        got = collector.await(r -> r.size() >= 9, "the second checkpoint");

        assertEquals(9, got.size(), "exactly 7 entries and 2 checkpoints: " + got);
        List<Syslog5424> messages = got.stream().map(r -> Syslog5424.parse(r.message())).toList();
        List<String> lines = Files.readAllLines(trail.file());
        int[] entryAt = {0, 1, 2, 3, 4, 6, 7};
        for (int i = 0; i < written.size(); i++) {
            Syslog5424 m = messages.get(entryAt[i]);
            AuditEntry e = written.get(i);
            assertEquals(110, m.pri(), "facility log audit, severity info");
            assertEquals("vigil", m.appName());
            assertEquals("audit.entry", m.msgId());
            assertEquals("vigil-host", m.hostName());
            assertEquals(e.time().truncatedTo(java.time.temporal.ChronoUnit.MICROS), m.timestamp());
            Map<String, String> sd = m.structuredData().get("vigil-audit@32473");
            assertNotNull(sd, "entry structured data: " + m);
            assertEquals(Long.toString(e.sequence()), sd.get("seq"));
            assertEquals(e.hash(), sd.get("hash"));
            assertEquals(e.action(), sd.get("action"));
            assertEquals(e.actor(), sd.get("actor"));
            assertEquals(e.tenant().value(), sd.get("tenant"));
            assertEquals(e.object(), sd.get("object"), "escaped quote, backslash and bracket survive");
            assertEquals("\uFEFF" + lines.get(i), m.message(), "the message is the canonical trail line");
        }
        assertCheckpoint(messages.get(5), first);
        assertCheckpoint(messages.get(8), second);
        assertTrue(collector.errors().isEmpty(), collector.errors().toString());
        awaitPosition(shipper, new SyslogPosition(7, 2));
    }

    @Test
    void theBacklogOfACollectorOutageIsDeliveredWithoutGaps() throws Exception {
        TestCollector collector = collector(null);
        AuditSyslogShipper shipper = shipThreeEntries(collector);

        collector.stop();
        append(40); // while the collector is away: append never waits
        Thread.sleep(300);
        assertTrue(shipper.status().contains("retrying"), "the shipper knows it is disconnected: " + shipper.status());
        collector.start();

        List<TestCollector.Received> got = collector.await(r -> seqs(r).contains(43L), "the backlog up to entry 43");
        assertNoGapsAndInOrderPerConnection(got, 43);
        awaitPosition(shipper, new SyslogPosition(43, 0));
    }

    @Test
    void afterARestartShippingResumesFromTheNextUnsentEntry() throws Exception {
        TestCollector collector = collector(null);
        AuditSyslogShipper shipper = shipThreeEntries(collector);
        shipper.close();
        trail.close();

        trail = new AuditTrail(dir.resolve("audit"), Clock.systemUTC(), "p1"); // the appliance restarts
        closing.add(trail);
        assertEquals(new SyslogPosition(3, 0), SyslogPosition.load(trail.directory()), "the position survived");
        append(2);
        shipper(SyslogCollector.tcp("127.0.0.1", collector.port()));
        List<TestCollector.Received> got = collector.await(r -> seqs(r).contains(5L), "entries 4..5");
        List<Long> second = seqs(TestCollector.onConnection(got, 2));
        assertEquals(List.of(4L, 5L), second, "the restarted shipper starts at the next unsent entry");
        assertNoGapsAndInOrderPerConnection(got, 5);
    }

    @Test
    void tlsShipsToACollectorWhoseCertificateIsTrustedAndRefusesOtherwise() throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore serverKeys = SelfSignedCertificates.ensure(dir.resolve("collector.p12"), password, "collector");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, password);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        TestCollector collector = collector(serverTls);
        append(2);

        Path stranger = truststore("stranger", SelfSignedCertificates.ensure(dir.resolve("other.p12"), password, "other"));
        AuditSyslogShipper refused = shipper(SyslogCollector.tls("localhost", collector.port(), stranger, "changeit"));
        Thread.sleep(500);
        assertTrue(collector.received().isEmpty(), "nothing may be sent to an unverified collector");
        assertTrue(refused.status().contains("retrying"), refused.status());
        refused.close();

        Path trusted = truststore("trusted", serverKeys);
        shipper(SyslogCollector.tls("localhost", collector.port(), trusted, "changeit"));
        List<TestCollector.Received> got = collector.await(r -> seqs(r).contains(2L), "entries 1..2 over TLS");
        assertNoGapsAndInOrderPerConnection(got, 2);

        assertThrows(RuntimeException.class, () -> SyslogCollector.tls("localhost", 1, dir.resolve("missing.p12"), null),
                "a missing truststore stops the start");
    }

    /** Appends entries 1..3, ships them and waits until the shipper counts them acknowledged. */
    private AuditSyslogShipper shipThreeEntries(TestCollector collector) throws InterruptedException {
        append(3);
        AuditSyslogShipper shipper = shipper(SyslogCollector.tcp("127.0.0.1", collector.port()));
        collector.await(r -> seqs(r).contains(3L), "entries 1..3");
        awaitPosition(shipper, new SyslogPosition(3, 0));
        return shipper;
    }

    private static void assertCheckpoint(Syslog5424 m, SignedNote note) {
        Checkpoint c = Checkpoint.parse(note.text());
        assertEquals("audit.checkpoint", m.msgId());
        Map<String, String> sd = m.structuredData().get("vigil-checkpoint@32473");
        assertNotNull(sd, "checkpoint structured data: " + m);
        assertEquals(c.origin(), sd.get("origin"));
        assertEquals(Long.toString(c.size()), sd.get("size"));
        assertEquals(Base64.getEncoder().encodeToString(c.rootHash()), sd.get("root"));
        assertEquals("\uFEFF" + note.encoded(), m.message(), "the message is the signed note");
    }

    /** Each connection's entries are consecutive and increasing; together they hold 1..last, nothing missing. */
    private static void assertNoGapsAndInOrderPerConnection(List<TestCollector.Received> got, long last) {
        int connections = got.stream().mapToInt(TestCollector.Received::connection).max().orElse(0);
        java.util.Set<Long> all = new java.util.TreeSet<>();
        for (int c = 1; c <= connections; c++) {
            List<Long> seqs = seqs(TestCollector.onConnection(got, c));
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "connection " + c + " out of order or gapped: " + seqs);
            }
            all.addAll(seqs);
        }
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, last).boxed().toList();
        assertEquals(expected, new ArrayList<>(all), "every entry delivered");
    }

    private static List<Long> seqs(List<TestCollector.Received> got) {
        return got.stream().map(r -> Syslog5424.parse(r.message()))
                .filter(m -> m.msgId().equals("audit.entry"))
                .map(m -> Long.parseLong(m.structuredData().get("vigil-audit@32473").get("seq"))).toList();
    }

    private static void awaitPosition(AuditSyslogShipper shipper, SyslogPosition expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!shipper.position().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, shipper.position(), "acknowledged position; " + shipper.status());
    }

    private TestCollector collector(SSLContext tls) throws Exception {
        TestCollector c = new TestCollector(tls).start();
        closing.add(c);
        return c;
    }

    private AuditTrail trail() {
        if (trail == null) {
            trail = new AuditTrail(dir.resolve("audit"), Clock.systemUTC(), "p1");
            closing.add(trail);
        }
        return trail;
    }

    private AuditCheckpointer checkpointer() {
        AuditTrail t = trail();
        AuditCheckpointer c = new AuditCheckpointer(t, AuditSigningKey.loadOrCreate(t.directory(), "checkpoint", "vigil.audit/test"),
                new CheckpointStore(t.directory()), Clock.systemUTC(), Duration.ofHours(1), 1_000_000);
        closing.add(c);
        return c;
    }

    private AuditSyslogShipper shipper(SyslogCollector target) {
        AuditSyslogShipper s = new AuditSyslogShipper(trail(), target, "vigil-host", Duration.ofMillis(200),
                Duration.ofMillis(50), 16, Clock.systemUTC());
        closing.add(s);
        s.start();
        return s;
    }

    private List<AuditEntry> append(int n) {
        List<AuditEntry> out = new ArrayList<>();
        long base = trail().size();
        for (int i = 1; i <= n; i++) {
            out.add(trail().append(new AuditRecord("alice", "admin", TenantId.of(i % 2 == 0 ? "default" : "acme"),
                    "token.create", "tok-" + (base + i) + " \"q\" \\ ]", null, "{\"n\":" + (base + i) + "}")));
        }
        return out;
    }

    private Path truststore(String name, KeyStore from) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        String alias = from.aliases().nextElement();
        trust.setCertificateEntry(name, from.getCertificate(alias));
        Path file = dir.resolve(name + "-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, "changeit".toCharArray());
        }
        return file;
    }
}
