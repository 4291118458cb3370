package dev.vigil.learn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.analyst.triage.TriageModelSource;
import dev.vigil.analyst.triage.TriageService;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditTrail;
import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.alert.Verdict;
import dev.vigil.fleet.ConsentScope;
import dev.vigil.fleet.ConsentService;
import dev.vigil.fleet.DataUseLedger;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feedback learning on a real appliance: verdicts given under consent train a registered challenger, the registry
 * records lineage and data use, promotion and rollback move aliases with audit entries and restore byte-identical
 * artifacts, a changed artifact is refused, and one tenant's verdicts never touch another tenant's model.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackLearningTest {

    private static final TenantId CUSTOMER = TenantId.of("customer");
    private static final TenantId OTHER = TenantId.of("other");

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;
    static AlertService alerts;
    static TriageService triage;
    static ModelRegistry registry;
    static FeedbackLearning learning;
    static int group;

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of("vigil.audit.checkpoint-interval", "1h"));
        alerts = vigil.context.getBean(AlertService.class);
        triage = vigil.context.getBean(TriageService.class);
        registry = vigil.context.getBean(ModelRegistry.class);
        learning = vigil.context.getBean(FeedbackLearning.class);
        vigil.context.getBean(TenantRegistry.class).ensure(OTHER, "Other", TenantKind.CUSTOMER);
        ConsentService consent = vigil.context.getBean(ConsentService.class);
        consent.grant(CUSTOMER, ConsentScope.MODEL_TRAINING, "learning test", "test", "admin");
        consent.grant(OTHER, ConsentScope.MODEL_TRAINING, "learning test", "test", "admin");
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    /** Raises, scores and judges {@code n} alerts: a noisy low rule judged false positive, a high rule judged true. */
    private static List<String> judged(TenantId tenant, int n) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean attack = i % 3 == 0;
            Instant at = Instant.now();
            Alert a = alerts.record(new AlertCandidate(tenant, attack ? "vigil-lsass-access" : "vigil-admin-psexec",
                    attack ? "LSASS memory read" : "PsExec service installed", attack ? RuleLevel.HIGH : RuleLevel.MEDIUM,
                    attack ? List.of("attack.credential_access", "attack.t1003.001") : List.of("attack.lateral_movement"),
                    AlertKind.DETECTION, at, at, List.of(),
                    List.of(new MatchedField("host.name", "ws-" + (attack ? ++group : 1))), "g-" + (++group)));
            triage.triage(tenant, a);
            alerts.close(tenant, a.id(), attack ? Verdict.TRUE_POSITIVE : Verdict.FALSE_POSITIVE, "test", "analyst-1", "analyst");
            ids.add(a.id());
        }
        return ids;
    }

    private static List<AuditEntry> audit(String action) {
        return vigil.context.getBean(AuditTrail.class).entries(e -> e.action().equals(action), 10_000);
    }

    @Test
    @Order(1)
    void tooFewVerdictsAreRefusedWithTheCountsAndNothingIsRegistered() {
        judged(CUSTOMER, 6);

        LearningRefusedException e = assertThrows(LearningRefusedException.class,
                () -> learning.train(CUSTOMER, "test", "admin", true));

        assertTrue(e.getMessage().contains("not enough verdicts"), e.getMessage());
        assertTrue(registry.list(CUSTOMER).isEmpty());
    }

    @Test
    @Order(2)
    void aChallengerIsRegisteredWithLineageDataUseAndAuditEntries() throws Exception {
        List<String> ids = judged(CUSTOMER, 54);

        HttpResponse<String> r = vigil.post("/api/v1/models/train", "Bearer " + vigil.adminToken, "application/json",
                "{\"promote\":false}");

        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = RunningAppliance.JSON.readTree(r.body());
        String label = body.path("version").path("label").asText();
        assertEquals("customer-v2", label, r.body());
        assertEquals("factory-1", body.path("champion").asText());
        assertFalse(body.path("promoted").asBoolean());
        assertEquals(Map.of("champion", "factory-1"), registry.aliases(CUSTOMER));
        List<TrainingRecord> lineage = registry.lineage(CUSTOMER, label);
        assertEquals(60, lineage.size());
        assertTrue(lineage.stream().map(TrainingRecord::recordId).collect(Collectors.toSet()).containsAll(ids));
        assertTrue(lineage.stream().allMatch(t -> t.consentState().equals("GRANTED") && t.policyVersion().equals("2026-1")));
        assertEquals(Set.of("train", "held-out"), lineage.stream().map(TrainingRecord::split).collect(Collectors.toSet()));
        long uses = vigil.context.getBean(DataUseLedger.class).report(CUSTOMER).uses().stream()
                .filter(u -> u.usedBy().equals("model:" + label)).mapToLong(u -> u.records().size()).sum();
        assertEquals(60, uses);
        assertEquals(1, audit("model.train").stream().filter(e -> e.object().equals(label)).count());
        assertEquals(1, audit("model.register").size());
    }

    @Test
    @Order(3)
    void promotionMovesBothAliasesAndTheTenantsAlertsAreScoredByTheNewChampion() throws Exception {
        HttpResponse<String> r = vigil.post("/api/v1/models/customer-v2/promote", "Bearer " + vigil.adminToken,
                "application/json", "{\"reason\":\"reviewed the metrics\",\"overrideGate\":true}");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Map.of("champion", "customer-v2", "previous", "factory-1"), registry.aliases(CUSTOMER));
        assertEquals("customer-v2", vigil.context.getBean(TriageModelSource.class).resolve(CUSTOMER).model().orElseThrow().version());
        AuditEntry promote = audit("model.promote").getLast();
        assertEquals("customer-v2", promote.object());
        assertTrue(promote.actor() != null && !promote.actor().isBlank());
    }

    @Test
    @Order(4)
    void anotherTenantsModelIsUntouchedByThisTenantsVerdicts() {
        assertTrue(registry.list(OTHER).isEmpty());
        assertEquals("factory-1", vigil.context.getBean(TriageModelSource.class).resolve(OTHER).model().orElseThrow().version());
        judged(OTHER, 6);
        assertThrows(LearningRefusedException.class, () -> learning.train(OTHER, "test", "admin", true));
        assertTrue(registry.lineage(CUSTOMER, "customer-v2").stream().noneMatch(t -> !t.tenant().equals(CUSTOMER)));
        assertThrows(java.util.NoSuchElementException.class, () -> registry.get(OTHER, "customer-v2"));
    }

    @Test
    @Order(5)
    void rollbackRestoresTheByteIdenticalFactoryArtifact() throws Exception {
        byte[] shipped = Files.readAllBytes(Path.of("appliance/models/triage/triage.onnx"));

        HttpResponse<String> r = vigil.post("/api/v1/models/rollback", "Bearer " + vigil.adminToken, "application/json",
                "{\"reason\":\"analysts report worse ranking\"}");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Map.of("champion", "factory-1", "previous", "customer-v2"), registry.aliases(CUSTOMER));
        assertArrayEquals(shipped, registry.artifact(registry.get(CUSTOMER, "factory-1")));
        assertEquals("factory-1", vigil.context.getBean(TriageModelSource.class).resolve(CUSTOMER).model().orElseThrow().version());
        assertEquals("factory-1", audit("model.rollback").getLast().object());
        // factory-1 champion at registration; promotion: previous, champion; rollback: previous, champion
        assertEquals(5, registry.moves(CUSTOMER).size());
    }

    @Test
    @Order(6)
    void aChangedArtifactIsRefusedAndNeverBecomesChampion() throws Exception {
        Path file = vigil.context.getBean(ModelArtifacts.class).path(CUSTOMER, ModelRegistry.TRIAGE, "customer-v2");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);

        HttpResponse<String> r = vigil.post("/api/v1/models/customer-v2/promote", "Bearer " + vigil.adminToken,
                "application/json", "{\"reason\":\"again\",\"overrideGate\":true}");

        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.body().contains("refusing model customer-v2") && r.body().contains("SHA-256"), r.body());
        assertEquals("factory-1", registry.aliases(CUSTOMER).get("champion"));
    }

    @Test
    @Order(7)
    void anAnalystCannotTrainPromoteOrRollBack() throws Exception {
        HttpResponse<String> token = vigil.post("/api/v1/tokens", "Bearer " + vigil.adminToken, "application/json",
                "{\"name\":\"learn-analyst\",\"scope\":\"ANALYST\"}");
        String analyst = RunningAppliance.JSON.readTree(token.body()).path("secret").asText();

        assertEquals(403, vigil.post("/api/v1/models/train", "Bearer " + analyst, "application/json", "{}").statusCode());
        assertEquals(403, vigil.post("/api/v1/models/rollback", "Bearer " + analyst, "application/json",
                "{\"reason\":\"x\"}").statusCode());
        assertEquals(200, vigil.get("/api/v1/models", "Bearer " + analyst).statusCode());
        assertTrue(Arrays.asList(RunningAppliance.JSON.readTree(vigil.get("/api/v1/models", "Bearer " + analyst).body())
                .path("versions").findValuesAsText("label").toArray()).contains("customer-v2"));
    }
}
