package dev.vigil.detect.factory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.Framed;
import dev.vigil.detect.DetectionContent;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.RuleMatch;
import dev.vigil.detect.correlation.CorrelationFiring;
import dev.vigil.detect.correlation.CorrelationRule;
import dev.vigil.detect.correlation.CorrelationRuleReader;
import dev.vigil.detect.sigma.CorrelationDocument;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.SigmaEngine;
import dev.vigil.detect.sigma.SigmaRule;
import dev.vigil.detect.sigma.SigmaRuleException;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;
import dev.vigil.simulate.AttackKind;
import dev.vigil.simulate.SimulationOptions;
import dev.vigil.simulate.SimulationSummary;
import dev.vigil.simulate.Simulator;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The factory rules on a simulated estate (fixed seed, every attack kind): each attack step an event rule is written
 * for is caught, and the benign background raises few alerts. Events are normalised by the shipped connectors and
 * evaluated by the Sigma engine exactly as ingestion does.
 *
 * <p>Counting correlations ({@code event_count}, {@code value_count}) are checked with a reference sliding-window count
 * over their building-block matches, read from the rule's own group-by, timespan and condition, until the correlation
 * engine is on main ({@link #correlationEngineRaisesTheFactoryCorrelations()} waits for it).
 *
 * <p>Rules are named by their {@code name} when they have one, else by their file name without {@code .yml}.
 */
class FactoryRulesDetectionTest {

    static final long SEED = 7;
    static final int HOSTS = 30;
    static final int HOURS = 72;
    /**
     * Background alerts (rules above informational, unlabelled lines) allowed per simulated day. The estate's admins
     * do what attackers do (PsExec to servers, new users, AdministratorAccess for a colleague, per-user updaters);
     * the rules that fire on those say so in their falsepositives.
     */
    static final int BENIGN_ALERTS_PER_DAY = 80;
    /** High-level alerts allowed on benign lines per simulated day (an admin granting AdministratorAccess). */
    static final int BENIGN_HIGH_ALERTS_PER_DAY = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the engine said about one simulated line. */
    record Line(String file, int line, JsonNode label, NormalizedEvent event, Set<String> rules) {
    }

    /** A correlation rule (by its key) that fired for one group, and whether its deciding event was an attack's. */
    record Firing(String rule, List<String> group, Line deciding) {
    }

    static SimulationSummary summary;
    static List<Line> lines;
    static List<Firing> firings;
    static Map<String, CorrelationRule> correlations;
    static Map<String, RuleLevel> levels;

    @BeforeAll
    static void simulateNormaliseAndEvaluate(@TempDir Path dir) throws IOException {
        summary = Simulator.writeTo(dir, new SimulationOptions(SEED, HOSTS, Duration.ofHours(HOURS),
                SimulationOptions.DEFAULT_START, EnumSet.allOf(AttackKind.class)));
        lines = evaluate(dir, summary);
        firings = correlate(lines);
        levels = new HashMap<>();
        for (SigmaRule rule : engine().parsedRules()) {
            levels.put(key(rule), rule.level());
        }
    }

    static SigmaEngine engine() {
        return SigmaEngine.compile(FactoryRules.sources(), EngineOptions.DEFAULTS);
    }

    /** Normalises every line of every simulated file with its connector and runs every factory rule on it. */
    static List<Line> evaluate(Path dir, SimulationSummary summary) throws IOException {
        SigmaEngine engine = engine();
        Map<String, String> keyById = new HashMap<>();
        engine.parsedRules().forEach(r -> keyById.put(r.id(), key(r)));
        Map<String, JsonNode> labels = new HashMap<>();
        for (String text : Files.readAllLines(dir.resolve("labels.jsonl"))) {
            JsonNode label = JSON.readTree(text);
            labels.put(label.get("file").asText() + ":" + label.get("line").asInt(), label);
        }
        ConnectorRegistry connectors = FactoryRules.connectors();
        List<Line> result = new ArrayList<>();
        for (Map.Entry<String, SimulationSummary.FileCount> file : summary.files().entrySet()) {
            Connector connector = connectors.get(file.getValue().connector());
            for (Framed framed : connector.frameDocument(Files.readString(dir.resolve(file.getKey())))) {
                NormalizedEvent event = connector.normalize(new RawEvent(framed.lineNumber(), TenantId.of("factory"),
                        connector.name(), file.getKey(), SimulationOptions.DEFAULT_START, framed.payload()));
                Set<String> rules = new LinkedHashSet<>();
                for (RuleMatch match : engine.evaluate(event)) {
                    rules.add(keyById.get(match.ruleId()));
                }
                result.add(new Line(file.getKey(), framed.lineNumber(), labels.get(file.getKey() + ":" + framed.lineNumber()),
                        event, rules));
            }
        }
        return result;
    }

    /** Feeds every line's matches, in event-time order, through the real correlation engine of the factory rules. */
    static List<Firing> correlate(List<Line> lines) {
        DetectionContent content = DetectionContent.compile(FactoryRules.sources(), EngineOptions.DEFAULTS);
        correlations = new HashMap<>();
        for (CorrelationDocument document : content.sigma().correlationDocuments()) {
            try {
                CorrelationRule rule = new CorrelationRuleReader().read(document);
                correlations.put(key(rule), rule);
            } catch (SigmaRuleException e) {
                throw new AssertionError("factory correlation does not load: " + e.getMessage(), e);
            }
        }
        Map<NormalizedEvent, Line> byEvent = new IdentityHashMap<>();
        lines.forEach(l -> byEvent.put(l.event(), l));
        List<Line> ordered = new ArrayList<>(lines);
        ordered.sort(java.util.Comparator.comparing(l -> l.event().timestamp()));
        List<Firing> result = new ArrayList<>();
        for (Line line : ordered) {
            for (RuleMatch match : content.sigma().evaluate(line.event())) {
                for (CorrelationFiring firing : content.correlate(match)) {
                    result.add(new Firing(key(firing.rule()), List.copyOf(firing.group().values()), byEvent.get(firing.lastEvent())));
                }
            }
        }
        return result;
    }

    static String key(CorrelationRule rule) {
        if (rule.name() != null) {
            return rule.name();
        }
        String origin = rule.origin();
        return origin.substring(origin.lastIndexOf('/') + 1).replaceFirst("\\.yml$", "");
    }

    static String key(SigmaRule rule) {
        if (rule.name() != null) {
            return rule.name();
        }
        String origin = rule.origin();
        return origin.substring(origin.lastIndexOf('/') + 1).replaceFirst("\\.yml$", "");
    }

    @Test
    void credentialDumpingIsCaughtAtTheLsassDump() {
        assertStepsCaught(AttackKind.CREDENTIAL_DUMPING, Map.of(
                "T1003.001", Set.of("proc_creation_win_comsvcs_minidump", "proc_creation_win_procdump_lsass",
                        "proc_creation_win_procdump_execution", "proc_creation_win_mimikatz_commands",
                        "proc_access_win_lsass_memory_read", "file_event_win_lsass_dump_file")));
    }

    @Test
    void lateralMovementIsCaughtOnTheSourceAndTheTarget() {
        assertStepsCaught(AttackKind.LATERAL_MOVEMENT, Map.of(
                "T1021.002", Set.of("proc_creation_win_psexec_remote_execution"),
                "T1569.002", Set.of("win_system_remote_exec_service_installed"),
                "T1047", Set.of("proc_creation_win_wmic_remote_process_create", "proc_creation_win_wmiprvse_spawns_shell"),
                "T1021.006", Set.of("proc_creation_win_powershell_invoke_command_remote"),
                "T1059.001", Set.of("proc_creation_win_wsmprovhost_child")));
    }

    @Test
    void everyPersistenceMechanismIsCaught() {
        assertStepsCaught(AttackKind.PERSISTENCE, Map.of(
                "T1105", Set.of("proc_creation_win_powershell_download_cradle"),
                "T1547.001", Set.of("proc_creation_win_reg_add_run_key", "registry_set_win_run_key_user_writable"),
                "T1053.005", Set.of("proc_creation_win_schtasks_create_suspicious_target",
                        "win_security_scheduled_task_user_writable"),
                "T1136.001", Set.of("proc_creation_win_net_user_add", "win_security_user_account_created"),
                "T1098", Set.of("proc_creation_win_net_localgroup_admins_add", "win_security_member_added_to_admins")));
    }

    @Test
    void sshBruteForceBuildingBlocksSeeEveryGuessAndTheLogin() {
        assertStepsCaught(AttackKind.SSH_BRUTE_FORCE, Map.of(
                "T1110.001", Set.of("ssh_failed_password"),
                "T1078", Set.of("ssh_password_accepted")));
        long failedLines = lines.stream().filter(l -> isKind(l, AttackKind.SSH_BRUTE_FORCE))
                .filter(l -> l.event().raw().contains("Failed password")).count();
        long caught = lines.stream().filter(l -> isKind(l, AttackKind.SSH_BRUTE_FORCE))
                .filter(l -> l.event().raw().contains("Failed password") && l.rules().contains("ssh_failed_password")).count();
        assertEquals(failedLines, caught, "every failed password of the brute force feeds the correlation");
    }

    @Test
    void discoveryCommandsAreCaughtOneByOne() {
        assertStepsCaught(AttackKind.DISCOVERY, Map.of(
                "T1033", Set.of("proc_creation_win_whoami_privileges"),
                "T1069.002", Set.of("proc_creation_win_net_privileged_group_enum"),
                "T1482", Set.of("proc_creation_win_nltest_domain_discovery"),
                "T1016", Set.of("windows_discovery_command")));
    }

    @Test
    void exfiltrationIsCaughtAtStagingAndAtTheTransfer() {
        assertStepsCaught(AttackKind.EXFILTRATION, Map.of(
                "T1560.001", Set.of("proc_creation_win_archive_staging"),
                "T1567.002", Set.of("proc_creation_win_rclone_exfiltration", "proc_creation_win_curl_file_upload",
                        "dns_query_win_file_sharing_by_non_browser", "suricata_tls_file_sharing_sni",
                        "zeek_conn_large_outbound_transfer", "suricata_flow_large_outbound_transfer"),
                "T1048.003", Set.of("zeek_dns_long_label_query", "suricata_dns_long_label_query")));
    }

    @Test
    void cloudAccountTakeoverIsCaughtAtLoginAndAtEachIamChange() {
        assertStepsCaught(AttackKind.CLOUD_ACCOUNT_TAKEOVER, Map.of(
                "T1078.004", Set.of("aws_console_login_without_mfa"),
                "T1136.003", Set.of("aws_iam_user_created"),
                "T1098.003", Set.of("aws_admin_policy_attached"),
                "T1098.001", Set.of("aws_access_key_created")));
    }

    @Test
    void benignBackgroundRaisesFewAlertsAndNoCriticalOne() {
        Map<String, Integer> perRule = new TreeMap<>();
        for (Line line : lines) {
            if (line.label() == null) {
                for (String rule : line.rules()) {
                    if (levels.get(rule) != RuleLevel.INFORMATIONAL) {
                        perRule.merge(rule, 1, Integer::sum);
                    }
                }
            }
        }
        int total = perRule.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("Factory rules on " + lines.size() + " benign and labelled lines (" + HOURS + " h, " + HOSTS
                + " hosts, seed " + SEED + "): alerts on benign lines per rule " + perRule + ", total " + total);
        List<String> critical = perRule.keySet().stream().filter(r -> levels.get(r) == RuleLevel.CRITICAL).toList();
        assertEquals(List.of(), critical, "critical rules firing on benign activity");
        int high = perRule.entrySet().stream().filter(e -> levels.get(e.getKey()) == RuleLevel.HIGH)
                .mapToInt(Map.Entry::getValue).sum();
        assertTrue(high <= BENIGN_HIGH_ALERTS_PER_DAY * HOURS / 24, "high-level alerts on benign lines: " + perRule);
        assertTrue(total <= BENIGN_ALERTS_PER_DAY * HOURS / 24,
                "benign alerts " + total + " exceed " + BENIGN_ALERTS_PER_DAY + " per day: " + perRule);
    }

    private static boolean isKind(Line line, AttackKind kind) {
        return line.label() != null && line.label().get("kind").asText().equals(kind.name());
    }

    /**
     * Every planted chain of the kind was placed, and for each of its steps whose technique is listed, at least one of
     * the step's labelled events raised one of the listed rules. Steps of other techniques are not asserted.
     */
    private static void assertStepsCaught(AttackKind kind, Map<String, Set<String>> rulesByTechnique) {
        long planted = summary.attacks().stream().filter(a -> a.kind() == kind).count();
        assertEquals(HOURS / 24, planted, kind + " chains planted");
        Map<String, Set<String>> firedByStep = new LinkedHashMap<>();
        Map<String, String> techniqueByStep = new HashMap<>();
        for (Line line : lines) {
            if (isKind(line, kind)) {
                String step = line.label().get("attackId").asText() + " step " + line.label().get("step").asInt();
                firedByStep.computeIfAbsent(step, s -> new LinkedHashSet<>()).addAll(line.rules());
                techniqueByStep.put(step, line.label().get("technique").asText());
            }
        }
        System.out.println(kind + ": rules per step " + firedByStep);
        List<String> missed = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Set<String>> step : firedByStep.entrySet()) {
            Set<String> intended = rulesByTechnique.get(techniqueByStep.get(step.getKey()));
            if (intended == null) {
                continue;
            }
            checked++;
            if (step.getValue().stream().noneMatch(intended::contains)) {
                missed.add(step.getKey() + " (" + techniqueByStep.get(step.getKey()) + ") raised " + step.getValue()
                        + ", none of " + intended);
            }
        }
        assertTrue(checked > 0, kind + ": no step of the listed techniques was planted");
        assertEquals(List.of(), missed, kind + ": steps no intended rule caught");
    }
    @Test
    void sshBruteForceCorrelationFiresForEveryAttackerAndFewScanners() {
        assertCorrelationFires("ssh_brute_force", AttackKind.SSH_BRUTE_FORCE, 2);
    }

    @Test
    void discoveryBurstCorrelationFiresForEveryDiscoveryChainAndNoAdmin() {
        assertCorrelationFires("mr_proc_creation_win_discovery_burst", AttackKind.DISCOVERY, 0);
    }

    @Test
    void zeekDnsTunnellingCorrelationFiresForEveryTunnelAndNoBrowsing() {
        assertCorrelationFires("mr_zeek_dns_tunnelling", AttackKind.EXFILTRATION, 0);
    }

    @Test
    void suricataDnsTunnellingCorrelationFiresForEveryTunnelAndNoBrowsing() {
        assertCorrelationFires("mr_suricata_dns_tunnelling", AttackKind.EXFILTRATION, 0);
    }

    @Test
    void sshLoginAfterBruteForceFiresForEveryAttackerThatGotIn() {
        assertOrderedCorrelationFires("mr_lnx_sshd_login_after_brute_force", "ssh_password_accepted", AttackKind.SSH_BRUTE_FORCE);
    }

    @Test
    void cloudAccountTakeoverFiresForEveryTakeoverChain() {
        assertOrderedCorrelationFires("mr_aws_account_takeover", "aws_iam_persistence_change", AttackKind.CLOUD_ACCOUNT_TAKEOVER);
    }

    /** Every group whose last building block was matched on an attack event of the kind makes the ordered correlation fire. */
    private static void assertOrderedCorrelationFires(String ruleKey, String lastStep, AttackKind kind) {
        CorrelationRule rule = correlationRule(ruleKey);
        Set<List<String>> attackGroups = new LinkedHashSet<>();
        for (Line line : lines) {
            if (isKind(line, kind) && line.rules().contains(lastStep)) {
                attackGroups.add(groupOf(rule, line));
            }
        }
        Set<List<String>> fired = new LinkedHashSet<>();
        firings.stream().filter(f -> f.rule().equals(ruleKey)).forEach(f -> fired.add(f.group()));
        System.out.println(ruleKey + ": attack groups " + attackGroups + ", fired " + fired);
        assertTrue(!attackGroups.isEmpty(), ruleKey + ": the estate holds no " + kind + " events for " + lastStep);
        assertEquals(List.of(), attackGroups.stream().filter(g -> !fired.contains(g)).toList(),
                ruleKey + ": attack groups the correlation does not fire for");
    }

    private static CorrelationRule correlationRule(String ruleKey) {
        CorrelationRule rule = correlations.get(ruleKey);
        if (rule == null) {
            throw new AssertionError("no factory correlation " + ruleKey + " (have " + correlations.keySet() + ")");
        }
        return rule;
    }

    private static List<String> groupOf(CorrelationRule rule, Line line) {
        return rule.groupBy().stream().map(f -> line.event().text(f)).toList();
    }

    /**
     * Every chain of the kind that produced building-block matches for the correlation makes it fire, and at most
     * {@code benignGroups} groups without attack events do.
     */
    private static void assertCorrelationFires(String ruleKey, AttackKind kind, int benignGroups) {
        CorrelationRule rule = correlationRule(ruleKey);
        Set<List<String>> attackGroups = new LinkedHashSet<>();
        for (Line line : lines) {
            if (isKind(line, kind) && line.rules().stream().anyMatch(rule.rules()::contains)) {
                attackGroups.add(groupOf(rule, line));
            }
        }
        Map<List<String>, Boolean> fired = new LinkedHashMap<>();
        firings.stream().filter(f -> f.rule().equals(ruleKey))
                .forEach(f -> fired.merge(f.group(), f.deciding() != null && isKind(f.deciding(), kind), Boolean::logicalOr));
        List<List<String>> benign = fired.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        System.out.println(ruleKey + ": attack groups " + attackGroups + ", fired " + fired.keySet() + ", benign " + benign);
        assertTrue(!attackGroups.isEmpty(), ruleKey + ": the estate holds no " + kind + " events for its building blocks");
        assertEquals(List.of(), attackGroups.stream().filter(g -> !fired.containsKey(g)).toList(),
                ruleKey + ": attack groups the correlation does not fire for");
        assertTrue(benign.size() <= benignGroups, ruleKey + ": fires for benign groups " + benign);
    }
}
