package dev.vigil.analyst.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Where a new alert goes: into the open incident it shares an entity with, within the window of that incident's last
 * alert; into the oldest of several such incidents, which absorbs the others (they are linked through this alert);
 * or into a new incident. An alert with no entity always opens its own incident. Pure.
 *
 * @param window how long after an incident's last alert a new alert may still join it
 */
public record IncidentGrouping(Duration window) {

    public IncidentGrouping {
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("the incident window must be between 1 second and 7 days, was " + window);
        }
    }

    /** An open incident as grouping sees it. */
    public record Open(String id, Instant openedAt, Instant lastAlertAt, Set<Entity> entities) {
    }

    /** The decision: {@code target} null means open a new incident; {@code absorbed} are merged into the target. */
    public record Placement(String target, List<String> absorbed, Set<Entity> shared) {
        public boolean opensNew() {
            return target == null;
        }
    }

    public Placement place(Instant alertTime, Set<Entity> entities, List<Open> open) {
        List<Open> linked = new ArrayList<>();
        Set<Entity> shared = new java.util.TreeSet<>();
        for (Open o : open) {
            boolean inWindow = !alertTime.isAfter(o.lastAlertAt().plus(window)) && !alertTime.isBefore(o.openedAt().minus(window));
            if (!inWindow) {
                continue;
            }
            boolean any = false;
            for (Entity e : entities) {
                if (o.entities().contains(e)) {
                    shared.add(e);
                    any = true;
                }
            }
            if (any) {
                linked.add(o);
            }
        }
        if (linked.isEmpty()) {
            return new Placement(null, List.of(), Set.of());
        }
        linked.sort(Comparator.comparing(Open::openedAt).thenComparing(Open::id));
        return new Placement(linked.getFirst().id(), linked.subList(1, linked.size()).stream().map(Open::id).toList(),
                Set.copyOf(shared));
    }
}
