package dev.vigil.control;

import java.time.Instant;
import java.util.Objects;

/** One stored switch: whether the AI of its target is enabled, and who set it, when and why. */
public record SwitchSetting(SwitchTarget target, boolean enabled, String reason, String actor, Instant at) {
    public SwitchSetting {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to set a switch");
        }
    }

    /** Canonical JSON for audit before/after hashes. */
    public String describe() {
        return "{\"target\":\"" + target.describe() + "\",\"enabled\":" + enabled + ",\"actor\":\"" + actor
                + "\",\"at\":\"" + at + "\",\"reason\":\"" + reason.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
