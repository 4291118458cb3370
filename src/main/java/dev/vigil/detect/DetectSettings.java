package dev.vigil.detect;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Detection configuration ({@code vigil.detect.*}), immutable once started.
 *
 * @param factoryRulesDir the appliance's own Sigma rules (shipped under {@code appliance/rules}); missing means none
 * @param contentRulesDir rules installed from update bundles; missing means none
 * @param placeholders    values for Sigma {@code expand} placeholders, e.g. {@code Administrators: ['adm_*']}
 * @param dedupWindow     a rule firing again for the same group key within this time of its open alert's last
 *                        event folds into that alert instead of opening a new one
 * @param groupBy         fields whose values, with the rule, decide which alerts fold together (first present wins
 *                        per entry; an entry may list alternatives separated by {@code |})
 */
@ConfigurationProperties("vigil.detect")
public record DetectSettings(
        @Bindable(defaultValue = "appliance/rules") Path factoryRulesDir,
        @Nullable Path contentRulesDir,
        @Nullable Map<String, List<String>> placeholders,
        @Bindable(defaultValue = "host.name|Computer,user.name|User") List<String> groupBy,
        @Bindable(defaultValue = "10m") Duration dedupWindow) {

    public DetectSettings {
        placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        if (dedupWindow == null || dedupWindow.isNegative()) {
            throw new IllegalArgumentException("vigil.detect.dedup-window must be zero or positive, e.g. 10m");
        }
    }
}
