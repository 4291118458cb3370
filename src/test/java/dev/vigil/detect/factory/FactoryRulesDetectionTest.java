package dev.vigil.detect.factory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.connectors.Framed;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.RuleMatch;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.SigmaEngine;
import dev.vigil.detect.sigma.SigmaRule;
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

    static SimulationSummary summary;
    static List<Line> lines;
    static Map<String, RuleLevel> levels;

    @BeforeAll
    static void simulateNormaliseAndEvaluate(@TempDir Path dir) throws IOException {
        summary = Simulator.writeTo(dir, new SimulationOptions(SEED, HOSTS, Duration.ofHours(HOURS),
                SimulationOptions.DEFAULT_START, EnumSet.allOf(AttackKind.class)));
        lines = evaluate(dir, summary);
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
        assertCorrelationFires("mr_lnx_sshd_brute_force", AttackKind.SSH_BRUTE_FORCE, 2);
    }

    @Test
    void discoveryBurstCorrelationFiresForEveryDiscoveryChainAndNoAdmin() {
        assertCorrelationFires("mr_proc_creation_win_discovery_burst", AttackKind.DISCOVERY, 0);
    }

    @Test
    void zeekDnsTunnellingCorrelationFiresForEveryTunnelAndNoBrowsing() {
        org.junit.jupiter.api.Assumptions.assumeTrue(lines.stream().anyMatch(l -> l.file().startsWith("zeek-")
                        && l.event().logSource().service() != null),
                "the simulator's Zeek JSON lines carry no _path, so zeek-json gives them no service and no Zeek "
                        + "service rule applies; runs once Zeek events are routed to zeek/dns");
        assertCorrelationFires("mr_zeek_dns_tunnelling", AttackKind.EXFILTRATION, 0);
    }

    @Test
    void suricataDnsTunnellingCorrelationFiresForEveryTunnelAndNoBrowsing() {
        assertCorrelationFires("mr_suricata_dns_tunnelling", AttackKind.EXFILTRATION, 0);
    }

    @Test
    void correlationEngineRaisesTheFactoryCorrelations() {
        boolean present;
        try {
            Class.forName("dev.vigil.detect.correlation.CorrelationEngine");
            present = true;
        } catch (ClassNotFoundException e) {
            present = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "waiting for the correlation engine "
                + "(dev.vigil.detect.correlation) on main: then feed it the RuleMatches of this estate and assert the "
                + "temporal_ordered rules mr_lnx_sshd_login_after_brute_force and mr_aws_account_takeover fire for "
                + "every SSH_BRUTE_FORCE and CLOUD_ACCOUNT_TAKEOVER chain");
        org.junit.jupiter.api.Assertions.fail("the correlation engine is on main: replace this test with one that runs it "
                + "over the factory rules' matches (see the assumption message)");
    }

    /** A counting correlation's parameters, read from its rule file. */
    record Counting(String type, List<String> rules, List<String> groupBy, Duration timespan, String field,
                    String operator, long bound) {

        static Counting read(String fileStem) {
            for (FactoryRules.RuleFile file : FactoryRules.files()) {
                if (file.fileName().equals(fileStem + ".yml")) {
                    JsonNode c = file.documents().getFirst().path("correlation");
                    List<String> rules = new ArrayList<>();
                    c.path("rules").forEach(r -> rules.add(r.asText()));
                    List<String> groupBy = new ArrayList<>();
                    c.path("group-by").forEach(g -> groupBy.add(g.asText()));
                    String span = c.path("timespan").asText();
                    Duration timespan = switch (span.charAt(span.length() - 1)) {
                        case 's' -> Duration.ofSeconds(Long.parseLong(span.substring(0, span.length() - 1)));
                        case 'm' -> Duration.ofMinutes(Long.parseLong(span.substring(0, span.length() - 1)));
                        case 'h' -> Duration.ofHours(Long.parseLong(span.substring(0, span.length() - 1)));
                        default -> Duration.ofDays(Long.parseLong(span.substring(0, span.length() - 1)));
                    };
                    JsonNode condition = c.path("condition");
                    String operator = condition.properties().stream().map(Map.Entry::getKey)
                            .filter(k -> !k.equals("field")).findFirst().orElseThrow();
                    return new Counting(c.path("type").asText(), rules, groupBy, timespan,
                            condition.path("field").asText(null), operator, condition.path(operator).asLong());
                }
            }
            throw new IllegalArgumentException("no correlation file " + fileStem);
        }

        boolean satisfied(long count) {
            return switch (operator) {
                case "gt" -> count > bound;
                case "gte" -> count >= bound;
                case "lt" -> count < bound;
                case "lte" -> count <= bound;
                case "eq" -> count == bound;
                default -> count != bound;
            };
        }
    }

    /**
     * Groups (group-by values) for which the counting correlation is satisfied in some window of its timespan,
     * each with whether a labelled attack event of the kind is among the group's building-block matches.
     */
    private static Map<List<Object>, Boolean> firingGroups(Counting correlation, AttackKind kind) {
        Map<List<Object>, List<Line>> groups = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.rules().stream().anyMatch(correlation.rules()::contains)) {
                List<Object> key = correlation.groupBy().stream().map(f -> line.event().fields().get(f)).toList();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
            }
        }
        Map<List<Object>, Boolean> firing = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, List<Line>> group : groups.entrySet()) {
            List<Line> members = new ArrayList<>(group.getValue());
            members.sort(java.util.Comparator.comparing(l -> l.event().timestamp()));
            int start = 0;
            for (int end = 0; end < members.size(); end++) {
                Instant windowStart = members.get(end).event().timestamp().minus(correlation.timespan());
                while (members.get(start).event().timestamp().isBefore(windowStart)) {
                    start++;
                }
                List<Line> window = members.subList(start, end + 1);
                long count = correlation.type().equals("value_count")
                        ? window.stream().map(l -> l.event().fields().get(correlation.field())).distinct().count()
                        : window.size();
                if (correlation.satisfied(count)) {
                    boolean attack = window.stream().anyMatch(l -> isKind(l, kind));
                    firing.merge(group.getKey(), attack, Boolean::logicalOr);
                }
            }
        }
        return firing;
    }

    /**
     * Every chain of the kind that produced building-block matches for the correlation makes it fire, and at most
     * {@code benignGroups} groups without attack events do.
     */
    private static void assertCorrelationFires(String fileStem, AttackKind kind, int benignGroups) {
        Counting correlation = Counting.read(fileStem);
        Map<List<Object>, Boolean> firing = firingGroups(correlation, kind);
        Set<List<Object>> attackGroups = new LinkedHashSet<>();
        for (Line line : lines) {
            if (isKind(line, kind) && line.rules().stream().anyMatch(correlation.rules()::contains)) {
                attackGroups.add(correlation.groupBy().stream().map(f -> line.event().fields().get(f)).toList());
            }
        }
        List<List<Object>> benign = firing.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        System.out.println(fileStem + ": attack groups " + attackGroups + ", firing " + firing.keySet() + ", benign " + benign);
        assertTrue(!attackGroups.isEmpty(), fileStem + ": the estate holds no " + kind + " events for its building blocks");
        List<List<Object>> silent = attackGroups.stream().filter(g -> !firing.containsKey(g)).toList();
        assertEquals(List.of(), silent, fileStem + ": attack groups the correlation does not fire for");
        assertTrue(benign.size() <= benignGroups, fileStem + ": fires for benign groups " + benign);
    }
}
