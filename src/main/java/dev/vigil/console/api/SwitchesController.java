package dev.vigil.console.api;

import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.control.SwitchChange;
import dev.vigil.control.SwitchDecision;
import dev.vigil.control.SwitchSetting;
import dev.vigil.control.SwitchTarget;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/switches}: list, evaluate, set, clear and dry-run the AI kill switches. Turning AI off needs ANALYST
 * (a responder acts at once); turning it on or clearing a setting needs ADMIN; reading needs READ. Tenant and site
 * switches are always the caller's tenant's.
 */
@Controller("/api/v1/switches")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SwitchesController {

    private final KillSwitches switches;

    public SwitchesController(KillSwitches switches) {
        this.switches = switches;
    }

    @Get
    public SwitchList list(HttpRequest<?> request) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        List<SettingView> settings = switches.table().settings().stream().map(SettingView::of).toList();
        List<DecisionView> features = Arrays.stream(AiFeature.values())
                .map(f -> DecisionView.of(switches.state(f, caller.tenant()))).toList();
        return new SwitchList(features, settings, switches.storeError().orElse(null));
    }

    @Get("/state")
    public DecisionView state(HttpRequest<?> request, @QueryValue String feature, @Nullable @QueryValue String site,
                              @Nullable @QueryValue String modelVersion) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        return DecisionView.of(switches.state(AiFeature.parse(feature), caller.tenant(), site, modelVersion));
    }

    @Post
    public ChangeView set(HttpRequest<?> request, @Body SetRequest body) {
        boolean enabled = parseState(body.state());
        TenantPrincipal caller = Principals.require(request, enabled ? ApiTokenScope.ADMIN : ApiTokenScope.ANALYST);
        SwitchTarget target = body.target(caller.tenant());
        return ChangeView.of(switches.set(target, enabled, body.reason(), caller.name(), caller.role(), caller.tenant(),
                Boolean.TRUE.equals(body.dryRun())));
    }

    @Post("/test")
    public ChangeView test(HttpRequest<?> request, @Body SetRequest body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        return ChangeView.of(switches.set(body.target(caller.tenant()), parseState(body.state()),
                body.reason() == null ? "dry run" : body.reason(), caller.name(), caller.role(), caller.tenant(), true));
    }

    @Post("/clear")
    public ChangeView clear(HttpRequest<?> request, @Body SetRequest body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return ChangeView.of(switches.clear(body.target(caller.tenant()), body.reason(), caller.name(), caller.role(),
                caller.tenant(), Boolean.TRUE.equals(body.dryRun())));
    }

    private static boolean parseState(String state) {
        return switch (state == null ? "" : state) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("state must be 'on' (AI enabled) or 'off' (fallback), was '" + state + "'");
        };
    }

    /**
     * A switch change: {@code feature} (omit for all), {@code tenant} true to scope it to the caller's tenant,
     * {@code site}, {@code modelVersion}, {@code state} on|off, {@code reason}, {@code dryRun}.
     */
    @Serdeable
    public record SetRequest(@Nullable String feature, @Nullable Boolean tenant, @Nullable String site,
                             @Nullable String modelVersion, @Nullable String state, @Nullable String reason,
                             @Nullable Boolean dryRun) {
        SwitchTarget target(TenantId caller) {
            boolean scoped = Boolean.TRUE.equals(tenant) || site != null;
            return new SwitchTarget(feature == null ? null : AiFeature.parse(feature), scoped ? caller : null, site, modelVersion);
        }
    }

    /** The switches: each feature's decision for the caller's tenant, every setting, and a store error if any. */
    @Serdeable
    public record SwitchList(List<DecisionView> features, List<SettingView> settings, @Nullable String storeError) {
    }

    /** One decision. */
    @Serdeable
    public record DecisionView(String feature, boolean enabled, @Nullable String fallback,
                               @Nullable String fallbackDescription, String decidedBy) {
        static DecisionView of(SwitchDecision d) {
            return new DecisionView(d.feature().id(), d.enabled(), d.fallback() == null ? null : d.fallback().name(),
                    d.fallback() == null ? null : d.fallback().description(), d.decidedBy());
        }
    }

    /** One stored setting. */
    @Serdeable
    public record SettingView(String target, String scope, boolean enabled, String reason, String actor, String at) {
        static SettingView of(SwitchSetting s) {
            return new SettingView(s.target().describe(), s.target().scope().name(), s.enabled(), s.reason(), s.actor(),
                    s.at().toString());
        }
    }

    /** A change made or previewed. */
    @Serdeable
    public record ChangeView(String target, boolean applied, @Nullable SettingView before, @Nullable SettingView after,
                             List<Map<String, Object>> effects) {
        static ChangeView of(SwitchChange c) {
            List<Map<String, Object>> effects = c.effects().stream().map(e -> Map.<String, Object>of(
                    "feature", e.feature().id(), "tenant", e.tenant(), "site", e.site() == null ? "*" : e.site(),
                    "modelVersion", e.modelVersion() == null ? "*" : e.modelVersion(),
                    "before", e.before().enabled() ? "on" : "off (" + e.before().fallback() + ")",
                    "after", e.after().enabled() ? "on" : "off (" + e.after().fallback() + ")",
                    "inFlight", e.inFlight())).toList();
            return new ChangeView(c.target().describe(), c.applied(), c.before() == null ? null : SettingView.of(c.before()),
                    c.after() == null ? null : SettingView.of(c.after()), effects);
        }
    }
}
