package dev.vigil.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.ApiTokens;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The appliance as a forwarder and an analyst meet it: real HTTP, real sockets, real indexes. */
class ApplianceEndToEndTest {

    @TempDir
    static Path data;

    static RunningAppliance vigil;

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(data, Map.of());
    }

    @AfterAll
    static void stop() {
        vigil.close();
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void ndjsonBulkIsAcknowledgedThenSearchable() throws Exception {
        String m = marker();
        HttpResponse<String> r = vigil.post("/api/v1/ingest?connector=generic-json", "Bearer " + vigil.ingestToken,
                "application/x-ndjson", "{\"msg\":\"" + m + "\",\"n\":1}\n{\"msg\":\"" + m + "\",\"n\":2}\n");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, RunningAppliance.JSON.readTree(r.body()).path("accepted").asInt());
        assertEquals(2, vigil.awaitSearch(vigil.adminToken, "msg:" + m, 2).path("total").asLong());
    }

    @Test
    void splunkHecEventsAreAcceptedWithTheSplunkScheme() throws Exception {
        String m = marker();
        HttpResponse<String> r = vigil.post("/services/collector/event", "Splunk " + vigil.ingestToken,
                "application/json", "{\"event\":{\"msg\":\"" + m + "\"},\"sourcetype\":\"_json\"}{\"event\":{\"msg\":\"" + m + "\"}}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(0, RunningAppliance.JSON.readTree(r.body()).path("code").asInt());
        assertEquals(2, vigil.awaitSearch(vigil.adminToken, "msg:" + m, 2).path("total").asLong());
    }

    @Test
    void splunkHecRawLinesAreAcceptedAsPlainText() throws Exception {
        String m = marker();
        HttpResponse<String> r = vigil.post("/services/collector/raw?sourcetype=linux_secure", "Splunk " + vigil.ingestToken,
                "text/plain", "Nov 22 10:15:01 web-03 sshd[2211]: Failed password for " + m + " from 10.0.4.12 port 51234 ssh2\n");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, vigil.awaitSearch(vigil.adminToken, m, 1).path("total").asLong());
    }

    @Test
    void aMalformedHecBodyIsRefusedWholeNamingTheEvent() throws Exception {
        String m = marker();
        HttpResponse<String> r = vigil.post("/services/collector/event", "Splunk " + vigil.ingestToken,
                "application/json", "{\"event\":\"" + m + "\"}{\"host\":\"x\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("event 2"), r.body());
        Thread.sleep(1500);
        assertEquals(0, vigil.awaitSearch(vigil.adminToken, m, 0).path("total").asLong());
    }

    @Test
    void aMalformedRecordIsStoredRawWithItsParseError() throws Exception {
        String m = marker();
        HttpResponse<String> r = vigil.post("/api/v1/ingest?connector=generic-json", "Bearer " + vigil.ingestToken,
                "application/x-ndjson", "{not json " + m + "\n");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode event = vigil.awaitSearch(vigil.adminToken, m, 1).path("events").path(0);
        assertTrue(event.path("raw").asText().contains(m));
        assertTrue(event.hasNonNull("parseError"), event.toString());
    }

    @Test
    void syslogOverTcpUdpAndTlsIsSearchable() throws Exception {
        RuntimeInfo info = vigil.appliance.runtimeInfo();
        String m = marker();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), info.syslogTcpPort()); OutputStream out = s.getOutputStream()) {
            String msg = "<34>Nov 22 10:00:00 web1 app[1]: tcp " + m;
            out.write((msg.getBytes(StandardCharsets.UTF_8).length + " " + msg).getBytes(StandardCharsets.UTF_8));
            out.write(("<34>Nov 22 10:00:01 web1 app[1]: tcp-lf " + m + "\n").getBytes(StandardCharsets.UTF_8));
        }
        try (DatagramSocket udp = new DatagramSocket()) {
            byte[] b = ("<34>Nov 22 10:00:02 web1 app[1]: udp " + m).getBytes(StandardCharsets.UTF_8);
            udp.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), info.syslogUdpPort()));
        }
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[]{new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) { }
            public void checkServerTrusted(X509Certificate[] c, String a) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        try (SSLSocket tls = (SSLSocket) trustAll.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), info.syslogTlsPort())) {
            tls.getOutputStream().write(("<34>Nov 22 10:00:03 web1 app[1]: tls " + m + "\n").getBytes(StandardCharsets.UTF_8));
            tls.getOutputStream().flush();
        }
        assertEquals(4, vigil.awaitSearch(vigil.adminToken, m, 4).path("total").asLong());
    }

    @Test
    void nothingWorksWithoutAValidToken() throws Exception {
        assertEquals(401, vigil.get("/api/v1/search?q=*", null).statusCode());
        assertEquals(401, vigil.get("/api/v1/search?q=*", "Bearer vgl_0000").statusCode());
        assertEquals(401, vigil.post("/services/collector/event", null, "application/json", "{\"event\":\"x\"}").statusCode());
        assertEquals(401, vigil.post("/api/v1/ingest", "Basic abc", "application/x-ndjson", "{}").statusCode());
    }

    @Test
    void anIngestTokenCannotSearchOrManageTokens() throws Exception {
        assertEquals(403, vigil.get("/api/v1/search?q=*", "Bearer " + vigil.ingestToken).statusCode());
        assertEquals(403, vigil.get("/api/v1/tokens", "Bearer " + vigil.ingestToken).statusCode());
    }

    @Test
    void anUnknownConnectorIsRefusedListingTheKnownOnes() throws Exception {
        HttpResponse<String> r = vigil.post("/api/v1/ingest?connector=nope", "Bearer " + vigil.ingestToken,
                "application/x-ndjson", "{}\n");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("unknown connector 'nope'") && r.body().contains("generic-json"), r.body());
    }

    @Test
    void aBadQueryIsA400NamingThePosition() throws Exception {
        HttpResponse<String> r = vigil.get("/api/v1/search?q=%28unbalanced", "Bearer " + vigil.adminToken);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("position") || r.body().contains("column"), r.body());
    }

    @Test
    void twoTenantsNeverSeeEachOthersEvents() throws Exception {
        TenantId other = TenantId.of("other-corp");
        vigil.context.getBean(TenantRegistry.class).ensure(other, "Other Corp", TenantKind.CUSTOMER);
        ApiTokens tokens = vigil.context.getBean(ApiTokens.class);
        String otherIngest = tokens.create(other, "other-ingest", ApiTokenScope.INGEST, "test", "admin").secret();
        String otherRead = tokens.create(other, "other-read", ApiTokenScope.READ, "test", "admin").secret();
        String m = marker();
        assertEquals(200, vigil.post("/api/v1/ingest?connector=generic-json", "Bearer " + otherIngest,
                "application/x-ndjson", "{\"msg\":\"" + m + "\",\"who\":\"other\"}\n").statusCode());
        assertEquals(200, vigil.post("/api/v1/ingest?connector=generic-json", "Bearer " + vigil.ingestToken,
                "application/x-ndjson", "{\"msg\":\"" + m + "\",\"who\":\"customer\"}\n{\"msg\":\"" + m + "\",\"who\":\"customer\"}\n").statusCode());
        assertEquals(1, vigil.awaitSearch(otherRead, "msg:" + m, 1).path("total").asLong());
        assertEquals(2, vigil.awaitSearch(vigil.adminToken, "msg:" + m, 2).path("total").asLong());
        JsonNode top = RunningAppliance.JSON.readTree(vigil.get("/api/v1/aggregations/top?field=who&since=3650d&q=msg:" + m,
                "Bearer " + otherRead).body());
        assertEquals(1, top.size());
        assertEquals("other", top.path(0).path("value").asText());
        JsonNode count = RunningAppliance.JSON.readTree(vigil.get("/api/v1/aggregations/count?since=3650d&q=msg:" + m,
                "Bearer " + otherRead).body());
        assertEquals(1, count.path("count").asLong());
    }

    @Test
    void aCreatedTokenWorksUntilRevokedAndBothChangesAreAudited() throws Exception {
        dev.vigil.audit.AuditTrail audit = vigil.context.getBean(dev.vigil.audit.AuditTrail.class);
        long before = audit.size();
        HttpResponse<String> created = vigil.post("/api/v1/tokens", "Bearer " + vigil.adminToken, "application/json",
                "{\"name\":\"forwarder-dmz\",\"scope\":\"INGEST\"}");
        assertEquals(201, created.statusCode(), created.body());
        String secret = RunningAppliance.JSON.readTree(created.body()).path("secret").asText();
        assertEquals(200, vigil.post("/api/v1/ingest?connector=generic-json", "Bearer " + secret,
                "application/x-ndjson", "{\"a\":1}\n").statusCode());
        HttpResponse<String> revoked = vigil.delete("/api/v1/tokens/forwarder-dmz", "Bearer " + vigil.adminToken);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(401, vigil.post("/api/v1/ingest?connector=generic-json", "Bearer " + secret,
                "application/x-ndjson", "{\"a\":1}\n").statusCode());
        var entries = audit.entries(dev.vigil.tenancy.TenantId.of("customer"), 10);
        assertEquals(before + 2, audit.size());
        assertEquals("token.create", entries.get(entries.size() - 2).action());
        assertEquals("token.revoke", entries.getLast().action());
        assertTrue(audit.verify().valid());
    }

    @Test
    void statusAndPrometheusReportIngest() throws Exception {
        vigil.post("/api/v1/ingest?connector=generic-json", "Bearer " + vigil.ingestToken, "application/x-ndjson", "{\"a\":1}\n");
        JsonNode status = RunningAppliance.JSON.readTree(vigil.get("/api/v1/status", "Bearer " + vigil.adminToken).body());
        assertEquals("customer", status.path("tenant").asText());
        assertTrue(status.path("listeners").size() >= 3, status.toString());
        String metrics = vigil.get("/prometheus", null).body();
        assertTrue(metrics.contains("vigil_ingest_events_total"), metrics);
        assertTrue(metrics.contains("vigil_spool_depth_records"), metrics);
    }
}
