package dev.vigil.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.audit.AuditEntry;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which audit entries an assessor report holds for a tenant and range, and what each means: pure, so the appliance
 * that writes a report and the verifier that checks one derive meanings and consent in exactly the same way.
 *
 * <p>Selected: the tenant's consent changes ({@code consent.*}), verdicts ({@code alert.close}: verdicts train the
 * tenant's models), data uses ({@code data-use.*}), model lifecycle ({@code model.*}), fleet sightings of its derived
 * artefacts ({@code fleet.sight}), and the fleet's decisions ({@code fleet.promote|refuse|hold|revoke}, owned by the
 * fleet tenant) about artefacts this tenant sighted. Context before the range comes along so the report explains
 * itself: the last consent entry of each scope (the consent in force at every line is derivable from the report
 * alone) and the tenant's sighting of each artefact a fleet decision in range is about (so every fleet decision shown
 * is provably about this tenant's artefact). Nothing of any other tenant is ever selected.
 */
public final class ReportSelection {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SIGHT = "fleet.sight";
    private static final Set<String> FLEET_DECISIONS = Set.of("fleet.promote", "fleet.refuse", "fleet.hold", "fleet.revoke");

    private static final Map<String, String> MODEL_STEPS = Map.of("train", "trained", "promote", "promoted",
            "rollback", "rolled back", "retire", "retired", "evaluate", "evaluated", "activate", "activated");
    private static final Set<String> USED = Set.of("verdicts", "records", "examples");

    private ReportSelection() {
    }

    /** An entry chosen for the report; {@code context} for consent entries before the range. */
    public record Selected(AuditEntry entry, boolean context) {
    }

    /** An entry with its after-state, when known, in chain order. */
    public record Stated(AuditEntry entry, String state) {
    }

    /** What a line says: its meaning and the consent in force. */
    public record Derived(String meaning, Map<String, String> consent) {
    }

    /**
     * Chooses the report's entries from {@code entries} (the chain in order, at least every entry of the tenant and of
     * the fleet tenant before {@code to}).
     */
    public static List<Selected> select(TenantId tenant, Instant from, Instant to, List<AuditEntry> entries) {
        if (tenant.isFleet()) {
            throw new IllegalArgumentException("a data-use report is about a customer tenant; the fleet tenant has no data of its own");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the report range is empty: from " + from + " is not before to " + to);
        }
        List<Selected> out = new ArrayList<>();
        Map<String, AuditEntry> context = new TreeMap<>();
        Map<String, AuditEntry> sighted = new HashMap<>();
        for (AuditEntry e : entries) {
            if (!e.time().isBefore(to)) {
                continue;
            }
            boolean inRange = !e.time().isBefore(from);
            if (e.tenant().equals(tenant)) {
                if (e.action().equals(SIGHT)) {
                    sighted.put(e.object(), e);
                }
                if (isConsent(e) && !inRange) {
                    context.put(e.object(), e);
                } else if (isConsent(e)) {
                    out.add(new Selected(e, false));
                } else if (inRange && concernsDataUse(e.action())) {
                    out.add(new Selected(e, false));
                }
            } else if (e.tenant().isFleet() && inRange && FLEET_DECISIONS.contains(e.action()) && sighted.containsKey(e.object())) {
                out.add(new Selected(e, false));
                AuditEntry sighting = sighted.get(e.object());
                if (sighting.time().isBefore(from)) {
                    context.put(sighting.object(), sighting);
                }
            }
        }
        context.values().forEach(e -> out.add(new Selected(e, true)));
        out.sort(java.util.Comparator.comparingLong(sel -> sel.entry().sequence()));
        return List.copyOf(out);
    }

    /** Whether an action of the tenant is about the use of its data. */
    public static boolean concernsDataUse(String action) {
        return action.startsWith("consent.") || action.equals("alert.close") || action.startsWith("data-use.")
                || action.startsWith("model.") || action.equals("fleet.sight");
    }

    /** Whether a fleet-tenant action may appear in a tenant's report. */
    public static boolean isFleetDecision(String action) {
        return FLEET_DECISIONS.contains(action);
    }

    /** Meaning and consent in force for each entry, in order (the list must be the report's lines, in chain order). */
    public static List<Derived> derive(List<Stated> lines) {
        Map<String, AuditEntry> lastConsent = new TreeMap<>();
        List<Derived> out = new ArrayList<>(lines.size());
        for (Stated s : lines) {
            AuditEntry e = s.entry();
            if (isConsent(e)) {
                lastConsent.put(e.object(), e);
            }
            Map<String, String> consent = new TreeMap<>();
            lastConsent.forEach((scope, c) -> consent.put(scope,
                    c.action().equals("consent.grant") && c.policyVersion().equals(e.policyVersion()) ? "granted" : "withdrawn"));
            out.add(new Derived(meaning(e, s.state()), Map.copyOf(consent)));
        }
        return List.copyOf(out);
    }

    private static boolean isConsent(AuditEntry e) {
        return e.action().equals("consent.grant") || e.action().equals("consent.withdraw");
    }

    /** The plain-words meaning of one entry, from the entry and its after-state only. */
    static String meaning(AuditEntry e, String state) {
        JsonNode s = parse(state);
        String action = e.action();
        return switch (action) {
            case "consent.grant" -> e.actor() + " granted " + e.object() + " consent under policy " + e.policyVersion();
            case "consent.withdraw" -> e.actor() + " withdrew " + e.object() + " consent";
            case "alert.close" -> "verdict on alert " + e.object() + " by " + e.actor()
                    + (s == null ? "" : " (" + text(s, "verdict").toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + "; model-training consent " + text(s, "verdictConsent").toLowerCase(java.util.Locale.ROOT)
                    + " under policy " + text(s, "verdictPolicyVersion") + ")")
                    + ": verdicts may train this tenant's own models";
            case "fleet.sight" -> "a derived artefact (" + e.object() + ", only its keyed hash) was reported to the fleet"
                    + " path" + (s == null ? "" : " (marking " + text(s, "tlp") + ", fleet-sharing consent "
                    + text(s, "consent").toLowerCase(java.util.Locale.ROOT) + ")");
            default -> {
                if (FLEET_DECISIONS.contains(action)) {
                    yield "fleet decision on artefact " + e.object() + ": " + action.substring("fleet.".length());
                }
                if (action.startsWith("data-use.")) {
                    yield s == null ? "record " + e.object() + " used (" + action + ")"
                            : "record " + text(s, "kind") + "/" + text(s, "recordId") + " used by " + text(s, "usedBy") + " for "
                            + text(s, "purpose") + " (consent " + text(s, "consent").toLowerCase(java.util.Locale.ROOT)
                            + " under policy " + text(s, "policy") + ")";
                }
                if (action.startsWith("model.")) {
                    yield modelMeaning(e, s);
                }
                yield action + " " + e.object() + " by " + e.actor();
            }
        };
    }

    /**
     * A model lifecycle entry in words: "model triage-t1-v3 trained by system:learn on 412 verdicts (auc 0.91)". The
     * step is the action's suffix ({@code train}, {@code promote}, {@code rollback}, ...); a count of what it used
     * ({@code verdicts}, {@code records}, {@code examples}) comes first, then the state's other plain fields in their
     * stored order. Nested fields are left out: the state itself is in the line, proven by the after-hash.
     */
    private static String modelMeaning(AuditEntry e, JsonNode s) {
        String step = e.action().substring("model.".length());
        StringBuilder out = new StringBuilder("model ").append(e.object()).append(' ')
                .append(MODEL_STEPS.getOrDefault(step, step)).append(" by ").append(e.actor());
        if (s == null) {
            return out.toString();
        }
        List<String> facts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : s.properties()) {
            JsonNode v = field.getValue();
            if (USED.contains(field.getKey()) && v.isIntegralNumber()) {
                out.append(" on ").append(v.asLong()).append(' ').append(field.getKey());
            } else if (v.isValueNode() && !v.isNull()) {
                facts.add(field.getKey() + " " + v.asText());
            }
        }
        return facts.isEmpty() ? out.toString() : out.append(" (").append(String.join(", ", facts)).append(')').toString();
    }

    private static JsonNode parse(String state) {
        if (state == null) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(state);
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isMissingNode() || n.path(field).isNull() ? "unknown" : n.path(field).asText();
    }
}
