package dev.vigil.detect.rules;

import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.detect.DetectSettings;
import dev.vigil.detect.DetectionContent;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.Placeholders;
import dev.vigil.detect.sigma.RuleSource;
import dev.vigil.detect.sigma.RuleStatus;
import dev.vigil.detect.sigma.SigmaEngine;
import dev.vigil.tenancy.TenantId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A tenant's detection content: the factory rules, rules from update bundles, and what its users added, minus what
 * they switched off, compiled into one {@link SigmaEngine} per tenant.
 *
 * <p>Guarantees: every change (add, import, remove, enable, disable; rules and filters alike) is audited in the same
 * transaction as the change, so if the audit entry cannot be written the change does not happen; a rule that is not
 * valid Sigma is refused with a message naming file, line, rule and problem, and nothing already accepted is lost;
 * after a change the tenant's engine is recompiled and listeners see the new one before the call returns. Factory
 * and bundle content can be disabled, not removed.
 */
@Singleton
public class RuleLibrary {

    private final RuleSourceRepository sources;
    private final RuleStateRepository states;
    private final AuditTrail audit;
    private final Clock clock;
    private final DetectSettings settings;
    private final ContentRulesDirectory bundleRules;
    private final Map<TenantId, DetectionContent> engines = new ConcurrentHashMap<>();
    private final List<Consumer<TenantId>> listeners = new CopyOnWriteArrayList<>();

    public RuleLibrary(RuleSourceRepository sources, RuleStateRepository states, AuditTrail audit, Clock clock,
                       DetectSettings settings, ContentRulesDirectory bundleRules) {
        this.bundleRules = bundleRules;
        this.sources = sources;
        this.states = states;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** The tenant's compiled rules (compiled on first use, then after every change). */
    public DetectionContent content(TenantId tenant) {
        return engines.computeIfAbsent(tenant, this::compile);
    }

    /** The tenant's compiled single-event rules. */
    public SigmaEngine engine(TenantId tenant) {
        return content(tenant).sigma();
    }

    /** Registers a callback run with the tenant after its rules changed and were recompiled. */
    public void onChange(Consumer<TenantId> listener) {
        listeners.add(listener);
    }

    /** Every rule, filter and correlation of the tenant with its state; unloadable ones with the reason. */
    public List<RuleStatus> statuses(TenantId tenant) {
        return content(tenant).statuses();
    }

    /** One rule's status, by id. */
    public Optional<RuleStatus> status(TenantId tenant, String ruleId) {
        return statuses(tenant).stream().filter(s -> s.id().equals(ruleId)).findFirst();
    }

    /** The text of the file that holds a rule. */
    public Optional<String> text(TenantId tenant, String ruleId) {
        return status(tenant, ruleId).flatMap(s -> allSources(tenant).stream()
                .filter(source -> source.origin().equals(s.origin())).map(RuleSource::text).findFirst());
    }

    /** Every source the tenant's engine is compiled from: factory, bundle, then the users'. */
    public List<RuleSource> allSources(TenantId tenant) {
        List<RuleSource> all = new ArrayList<>();
        all.addAll(filesUnder(settings.factoryRulesDir(), RuleOrigin.FACTORY));
        all.addAll(filesUnder(settings.contentRulesDir() != null ? settings.contentRulesDir()
                : bundleRules.current().orElse(null), RuleOrigin.BUNDLE));
        for (StoredRuleSource stored : sources.findByTenantOrderByOrigin(tenant)) {
            all.add(new RuleSource(stored.origin(), stored.content()));
        }
        return all;
    }

    /**
     * Adds or replaces one rule file ({@code name} becomes its origin {@code user/<name>}). Refused whole when any of
     * its documents is not valid Sigma.
     */
    @Transactional
    public List<RuleStatus> add(TenantId tenant, String name, String text, String actor, String role) {
        String origin = RuleOrigin.USER.prefix() + name;
        List<RuleStatus> checked = check(tenant, origin, text);
        Optional<StoredRuleSource> existing = sources.findByTenantAndOrigin(tenant, origin);
        StoredRuleSource stored = new StoredRuleSource(existing.map(StoredRuleSource::id).orElse(UUID.randomUUID().toString()),
                tenant, origin, text, sha256(text), actor, clock.instant());
        if (existing.isPresent()) {
            sources.update(stored);
        } else {
            sources.save(stored);
        }
        audit.append(new AuditRecord(actor, role, tenant, actionFor(checked, existing.isPresent() ? "update" : "add"), origin,
                existing.map(StoredRuleSource::content).orElse(null), text));
        recompile(tenant);
        return statusesOf(tenant, origin);
    }

    /** Imports every {@code .yml}/{@code .yaml} file under a directory; files that are not valid Sigma are refused and listed. */
    @Transactional
    public ImportReport importDirectory(TenantId tenant, Path directory, String actor, String role) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("cannot import rules from " + directory + ": not a directory");
        }
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> rejected = new ArrayList<>();
        String prefix = RuleOrigin.USER.prefix() + "import/" + directory.toAbsolutePath().normalize().getFileName() + "/";
        for (RuleSource file : readFiles(directory, prefix)) {
            try {
                check(tenant, file.origin(), file.text());
            } catch (RuleRejectedException e) {
                rejected.add(e.getMessage());
                continue;
            }
            Optional<StoredRuleSource> existing = sources.findByTenantAndOrigin(tenant, file.origin());
            if (existing.isPresent() && existing.get().content().equals(file.text())) {
                unchanged++;
                continue;
            }
            StoredRuleSource stored = new StoredRuleSource(existing.map(StoredRuleSource::id).orElse(UUID.randomUUID().toString()),
                    tenant, file.origin(), file.text(), sha256(file.text()), actor, clock.instant());
            if (existing.isPresent()) {
                sources.update(stored);
                updated++;
            } else {
                sources.save(stored);
                added++;
            }
        }
        ImportReport report = new ImportReport(directory.toString(), added, updated, unchanged, rejected);
        audit.append(new AuditRecord(actor, role, tenant, "rules.import", directory.toString(), null,
                "added=" + added + " updated=" + updated + " unchanged=" + unchanged + " rejected=" + rejected.size()));
        recompile(tenant);
        return report;
    }

    /** Removes a user-added rule file, by the id of a rule in it or by its origin. */
    @Transactional
    public void remove(TenantId tenant, String ruleIdOrOrigin, String actor, String role) {
        String origin = status(tenant, ruleIdOrOrigin).map(RuleStatus::origin).orElse(ruleIdOrOrigin);
        if (RuleOrigin.of(origin) != RuleOrigin.USER) {
            throw new IllegalArgumentException("rule " + ruleIdOrOrigin + " is " + RuleOrigin.of(origin).name().toLowerCase(java.util.Locale.ROOT)
                    + " content (" + origin + "); it can be disabled, not removed");
        }
        StoredRuleSource stored = sources.findByTenantAndOrigin(tenant, origin)
                .orElseThrow(() -> new NoSuchRuleException("no rule " + ruleIdOrOrigin));
        List<RuleStatus> removed = statusesOf(tenant, origin);
        sources.deleteByTenantAndOrigin(tenant, origin);
        audit.append(new AuditRecord(actor, role, tenant, actionFor(removed, "remove"), origin, stored.content(), null));
        recompile(tenant);
    }

    /** Switches a rule or filter on or off by id; audited with the reason. */
    @Transactional
    public RuleStatus setEnabled(TenantId tenant, String ruleId, boolean enabled, String reason, String actor, String role) {
        RuleStatus before = status(tenant, ruleId).orElseThrow(() -> new NoSuchRuleException("no rule " + ruleId));
        Optional<StoredRuleState> existing = states.findByTenantAndRuleId(tenant, ruleId);
        StoredRuleState state = new StoredRuleState(existing.map(StoredRuleState::id).orElse(UUID.randomUUID().toString()),
                tenant, ruleId, enabled, reason, actor, clock.instant());
        if (existing.isPresent()) {
            states.update(state);
        } else {
            states.save(state);
        }
        String kind = before.kind() == RuleStatus.Kind.FILTER ? "filter" : "rule";
        audit.append(new AuditRecord(actor, role, tenant, kind + (enabled ? ".enable" : ".disable"), ruleId,
                before.state().name(), (enabled ? "ENABLED" : "DISABLED") + (reason == null ? "" : ": " + reason)));
        recompile(tenant);
        return status(tenant, ruleId).orElseThrow();
    }

    /** Compiles a text alone, as {@code vigil rules lint} does; never stores anything. */
    public List<RuleStatus> lint(String origin, String text) {
        return DetectionContent.compile(List.of(new RuleSource(origin, text)), options(Set.of())).statuses();
    }

    private List<RuleStatus> check(TenantId tenant, String origin, String text) {
        List<RuleSource> candidate = new ArrayList<>();
        for (RuleSource source : allSources(tenant)) {
            if (!source.origin().equals(origin)) {
                candidate.add(source);
            }
        }
        candidate.add(new RuleSource(origin, text));
        List<RuleStatus> mine = DetectionContent.compile(candidate, options(Set.of())).statuses().stream()
                .filter(s -> s.origin().equals(origin)).toList();
        List<String> problems = mine.stream().filter(s -> s.state() == RuleStatus.State.INVALID).map(RuleStatus::reason).toList();
        if (!problems.isEmpty()) {
            throw new RuleRejectedException(String.join("; ", problems));
        }
        return mine;
    }

    /** Recompiles every tenant's rules, e.g. after an update bundle changed the installed content. */
    public void reloadAll() {
        for (TenantId tenant : List.copyOf(engines.keySet())) {
            recompile(tenant);
        }
    }

    private void recompile(TenantId tenant) {
        engines.put(tenant, compile(tenant));
        listeners.forEach(l -> l.accept(tenant));
    }

    private DetectionContent compile(TenantId tenant) {
        Set<String> disabled = new HashSet<>();
        for (StoredRuleState state : states.findByTenant(tenant)) {
            if (!state.enabled()) {
                disabled.add(state.ruleId());
            }
        }
        return DetectionContent.compile(allSources(tenant), options(disabled));
    }

    private EngineOptions options(Set<String> disabled) {
        return new EngineOptions(new Placeholders(settings.placeholders()), disabled);
    }

    private List<RuleStatus> statusesOf(TenantId tenant, String origin) {
        return statuses(tenant).stream().filter(s -> s.origin().equals(origin)).toList();
    }

    private static String actionFor(List<RuleStatus> statuses, String verb) {
        boolean filtersOnly = !statuses.isEmpty() && statuses.stream().allMatch(s -> s.kind() == RuleStatus.Kind.FILTER);
        return (filtersOnly ? "filter." : "rules.") + verb;
    }

    /** The factory rule files under {@code directory}, named as the library names them; none when it is missing. */
    public static List<RuleSource> factoryRules(Path directory) {
        return filesUnder(directory, RuleOrigin.FACTORY);
    }

    private static List<RuleSource> filesUnder(Path directory, RuleOrigin origin) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        return readFiles(directory, origin.prefix());
    }

    private static List<RuleSource> readFiles(Path directory, String prefix) {
        try (Stream<Path> files = Files.walk(directory)) {
            List<RuleSource> result = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                result.add(new RuleSource(prefix + relative, Files.readString(file, StandardCharsets.UTF_8)));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules under " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
