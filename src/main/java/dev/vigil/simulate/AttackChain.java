package dev.vigil.simulate;

/** Plants one instance of an attack chain into the timeline. */
interface AttackChain {

    /**
     * Schedules the chain's events from {@code at}.
     *
     * @return what was planted, or null when the estate has no suitable host
     */
    SimulationSummary.Attack plant(Context ctx, Rng rng, String attackId, long at);

    /** Numbers a chain's steps in order. */
    final class Steps {
        private final String attackId;
        private final AttackKind kind;
        private int n;

        Steps(String attackId, AttackKind kind) {
            this.attackId = attackId;
            this.kind = kind;
        }

        Timeline.Step next(String technique, String tactic) {
            return new Timeline.Step(attackId, kind, technique, tactic, ++n);
        }
    }

    /** A Windows host that has a user: a workstation and its owner. */
    static Account victim(Context ctx, Rng rng) {
        return ctx.world().people().isEmpty() ? null : rng.pick(ctx.world().people());
    }

    static java.time.Instant instant(long micros) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
