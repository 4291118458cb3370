package dev.vigil.detect.sigma;

import dev.vigil.detect.RuleMatch;
import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sigma detection rules compiled once into a streaming matcher: {@link #evaluate} runs every applicable enabled rule
 * on one event.
 *
 * <p>How an event is evaluated: the rules whose {@code logsource} covers the event's log source are found once per
 * distinct log source and cached; of those, rules that promise a literal (every SigmaHQ rule with a plain string
 * selection does) are woken only when one pass of an Aho-Corasick automaton finds one of their literals in the
 * event's lower-cased values; the rest are evaluated on every event of the log source. Only the woken rules run their
 * full condition.
 *
 * <p>Guarantees: every document of every source gets a {@link RuleStatus}; a rule that cannot be evaluated is never
 * skipped silently but reported {@code INVALID} or {@code UNSUPPORTED} with the exact reason. Filters (the Sigma
 * filters specification) suppress the matches of the rules they name. Immutable after construction and thread-safe;
 * to change rules, compile a new engine.
 */
public final class SigmaEngine {

    private final List<RuleStatus> statuses;
    private final CompiledRule[] rules;
    private final List<SigmaRule> parsedRules;
    private final List<CorrelationDocument> correlations;
    private final Map<LogSource, Route> routes = new ConcurrentHashMap<>();
    private final ThreadLocal<Route.Scratch> scratch;
    private final NeedleRanking ranking;

    private SigmaEngine(List<RuleStatus> statuses, List<CompiledRule> rules, List<SigmaRule> parsedRules,
                        List<CorrelationDocument> correlations) {
        this.statuses = List.copyOf(statuses);
        this.rules = rules.toArray(new CompiledRule[0]);
        this.ranking = NeedleRanking.of(rules);
        this.parsedRules = List.copyOf(parsedRules);
        this.correlations = List.copyOf(correlations);
        int count = this.rules.length;
        this.scratch = ThreadLocal.withInitial(() -> new Route.Scratch(Math.max(1, count)));
    }

    /** Reads and compiles every source; never throws for a bad rule (see {@link #statuses()}). */
    public static SigmaEngine compile(List<RuleSource> sources, EngineOptions options) {
        SigmaRuleReader reader = new SigmaRuleReader();
        DetectionCompiler compiler = new DetectionCompiler(options.placeholders());
        Map<String, RuleStatus> statuses = new LinkedHashMap<>();
        List<RuleStatus> unreadable = new ArrayList<>();
        Map<String, CompiledRule> compiled = new LinkedHashMap<>();
        List<SigmaRule> parsed = new ArrayList<>();
        List<SigmaFilter> filters = new ArrayList<>();
        List<CorrelationDocument> correlations = new ArrayList<>();
        Map<String, String> originsById = new HashMap<>();
        for (RuleSource source : sources) {
            List<RuleDocument> documents;
            try {
                documents = reader.read(source);
            } catch (SigmaRuleException e) {
                unreadable.add(new RuleStatus("file:" + source.origin(), null, source.origin(), source.origin(), e.line(),
                        RuleStatus.Kind.DETECTION, e.unsupported() ? RuleStatus.State.UNSUPPORTED : RuleStatus.State.INVALID,
                        e.getMessage(), null, List.of(), ""));
                continue;
            }
            for (RuleDocument document : documents) {
                String previous = originsById.putIfAbsent(document.id(), document.origin());
                if (previous != null) {
                    unreadable.add(status(document, RuleStatus.State.INVALID, document.origin() + ":" + document.line()
                            + ": duplicate id " + document.id() + ", already loaded from " + previous, document.line()));
                    continue;
                }
                switch (document) {
                    case SigmaRule rule -> {
                        parsed.add(rule);
                        try {
                            compiled.put(rule.id(), new CompiledRule(rule, compiler.compile(rule.detection()), List.of(), List.of()));
                            statuses.put(rule.id(), status(rule, options.disabled().contains(rule.id()) ? RuleStatus.State.DISABLED
                                    : RuleStatus.State.ENABLED, null, rule.line()));
                        } catch (CompileProblem p) {
                            statuses.put(rule.id(), problem(rule, p));
                        }
                    }
                    case SigmaFilter filter -> filters.add(filter);
                    case CorrelationDocument correlation -> correlations.add(correlation);
                }
            }
        }
        for (SigmaFilter filter : filters) {
            statuses.put(filter.id(), applyFilter(filter, compiler, compiled, options.disabled().contains(filter.id())));
        }
        List<CompiledRule> enabled = new ArrayList<>();
        for (CompiledRule rule : compiled.values()) {
            if (statuses.get(rule.rule().id()).enabled()) {
                enabled.add(rule);
            }
        }
        List<RuleStatus> all = new ArrayList<>(statuses.values());
        all.addAll(unreadable);
        return new SigmaEngine(all, enabled, parsed, correlations);
    }

    private static RuleStatus applyFilter(SigmaFilter filter, DetectionCompiler compiler, Map<String, CompiledRule> compiled,
                                          boolean disabled) {
        RuleNode node;
        try {
            node = compiler.compile(filter.detection());
        } catch (CompileProblem p) {
            return problem(filter, p);
        }
        List<String> missing = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        for (String target : filter.rules()) {
            CompiledRule rule = find(compiled, target);
            if (rule == null) {
                missing.add(target);
            } else if (!rule.rule().logSource().within(filter.logSource())) {
                return status(filter, RuleStatus.State.INVALID, filter.origin() + ":" + filter.line() + ": filter '" + filter.title()
                        + "' has log source " + filter.logSource() + ", which does not cover rule " + target + " ("
                        + rule.rule().logSource() + ")", filter.line());
            } else {
                applied.add(rule.rule().id());
            }
        }
        if (applied.isEmpty()) {
            return status(filter, RuleStatus.State.INVALID, filter.origin() + ":" + filter.line() + ": filter '" + filter.title()
                    + "' names no loaded rule (" + String.join(", ", missing) + ")", filter.line());
        }
        if (!disabled) {
            for (String id : applied) {
                compiled.put(id, compiled.get(id).withFilter(filter.id(), node));
            }
        }
        return status(filter, disabled ? RuleStatus.State.DISABLED : RuleStatus.State.ENABLED, null, filter.line());
    }

    private static CompiledRule find(Map<String, CompiledRule> compiled, String idOrName) {
        CompiledRule byId = compiled.get(idOrName);
        if (byId != null) {
            return byId;
        }
        for (CompiledRule rule : compiled.values()) {
            if (idOrName.equals(rule.rule().name())) {
                return rule;
            }
        }
        return null;
    }

    /** Every enabled rule that matches the event, in load order. */
    public List<RuleMatch> evaluate(NormalizedEvent event) {
        Route route = routes.computeIfAbsent(event.logSource(), this::route);
        if (route.ruleCount() == 0) {
            return List.of();
        }
        EventView view = new EventView(event);
        int[] candidates = route.candidates(view, scratch.get());
        List<RuleMatch> matches = null;
        for (int index : candidates) {
            CompiledRule rule = rules[index];
            if (rule.matches(view)) {
                if (matches == null) {
                    matches = new ArrayList<>(2);
                }
                SigmaRule r = rule.rule();
                matches.add(new RuleMatch(r.id(), r.name(), r.title(), r.level(), r.tags(), event, rule.explain(view)));
            }
        }
        return matches == null ? List.of() : matches;
    }

    /** The ids of the rules matching an event by evaluating every routed rule, no prefilter: the reference the prefilter must equal. */
    List<String> matchingWithoutPrefilter(NormalizedEvent event) {
        EventView view = new EventView(event);
        List<String> ids = new ArrayList<>();
        for (CompiledRule rule : rules) {
            if (rule.rule().logSource().covers(event.logSource()) && rule.matches(view)) {
                ids.add(rule.rule().id());
            }
        }
        return ids;
    }

    private Route route(LogSource source) {
        List<Integer> indices = new ArrayList<>();
        List<Set<Needle>> literals = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].rule().logSource().covers(source)) {
                indices.add(i);
                literals.add(rules[i].requiredLiterals(ranking));
            }
        }
        return Route.of(indices, literals);
    }

    /** One status per document of every source, rules first in load order. */
    public List<RuleStatus> statuses() {
        return statuses;
    }

    /** Number of rules evaluated. */
    public int enabledCount() {
        return rules.length;
    }

    /** Every detection rule that was read, whatever its state (correlation rules refer to them by id or name). */
    public List<SigmaRule> parsedRules() {
        return parsedRules;
    }

    /** Correlation rule documents found in the sources, for the correlation engine. */
    public List<CorrelationDocument> correlationDocuments() {
        return correlations;
    }

    private static RuleStatus problem(RuleDocument document, CompileProblem p) {
        String label = "rule '" + document.title() + "': ";
        return status(document, p.unsupported() ? RuleStatus.State.UNSUPPORTED : RuleStatus.State.INVALID,
                document.origin() + ":" + p.line() + ": " + label + p.getMessage(), p.line());
    }

    private static RuleStatus status(RuleDocument document, RuleStatus.State state, String reason, int line) {
        return switch (document) {
            case SigmaRule r -> new RuleStatus(r.id(), r.name(), r.title(), r.origin(), line, RuleStatus.Kind.DETECTION, state,
                    reason, r.level(), r.tags(), r.logSource().toString());
            case SigmaFilter f -> new RuleStatus(f.id(), null, f.title(), f.origin(), line, RuleStatus.Kind.FILTER, state,
                    reason, null, List.of(), f.logSource().toString());
            case CorrelationDocument c -> new RuleStatus(c.id(), null, c.title(), c.origin(), line, RuleStatus.Kind.CORRELATION,
                    state, reason, null, List.of(), "");
        };
    }
}
