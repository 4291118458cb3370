package dev.vigil.analyst.anomaly;

import dev.vigil.tenancy.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-tenant, per-user baselines of where successful logons come from: each source address with its count and first
 * and last time seen. Pure (no I/O, no clock: times are the events'); in memory, bounded.
 *
 * <p>Guarantees: a user says a source is new only once warmed up (it has shown {@code warmUp} successful logons), so a
 * fresh appliance or a new user does not flood analysts; each tenant keeps at most {@code maxUsers} users and each user
 * at most {@code maxSourcesPerUser} sources, least recently seen evicted (counted). Failed logons never enter a
 * baseline: they go to a separate, bounded memory of recent failures per user and source (at most
 * {@code maxFailures} pairs per tenant, kept {@code failureWindow}), so a password spray over thousands of invented
 * user names cannot evict real users' baselines; a new source whose logon follows failures from it within the window
 * is flagged as such. Tenants never share a baseline. Synchronised: learning runs in event order while triage reads
 * concurrently.
 */
public final class LogonSourceBaselines {

    /** A successful logon from a source new for a warmed-up user, in plain words. */
    public record Finding(String user, String source, int earlierLogons, int earlierSources, int recentFailures,
                          String explanation) {

        /** Whether failed logons from the same source came just before (password guessing that worked). */
        public boolean afterFailures() {
            return recentFailures > 0;
        }
    }

    /** One source of a user's baseline, as persisted. */
    public record SourceState(String source, long count, long firstSeen, long lastSeen) {
    }

    /** One user's baseline, as persisted; sources least recently seen first. */
    public record UserState(String user, long logons, long lastNewSource, List<SourceState> sources) {
        public UserState {
            sources = List.copyOf(sources);
        }
    }

    private final int warmUp;
    private final int maxUsers;
    private final int maxSourcesPerUser;
    private final int maxFailures;
    private final Duration failureWindow;
    private final Map<TenantId, Map<String, User>> tenants = new HashMap<>();
    private final Map<TenantId, Map<String, Failures>> failures = new HashMap<>();
    private long evictions;

    public LogonSourceBaselines(int warmUp, int maxUsers, int maxSourcesPerUser, int maxFailures, Duration failureWindow) {
        if (warmUp < 1 || maxUsers < 1 || maxSourcesPerUser < 1 || maxFailures < 1) {
            throw new IllegalArgumentException("logon warm-up and bounds must be positive");
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("the failure window must be positive, was " + failureWindow);
        }
        this.warmUp = warmUp;
        this.maxUsers = maxUsers;
        this.maxSourcesPerUser = maxSourcesPerUser;
        this.maxFailures = maxFailures;
        this.failureWindow = failureWindow;
    }

    /** Remembers a failed logon of {@code user} from {@code source}; never changes the user's baseline. */
    public synchronized void failure(TenantId tenant, String user, String source, Instant at) {
        Map<String, Failures> recent = failures.computeIfAbsent(tenant, t -> new BoundedMap<>(maxFailures, true, () -> { }));
        String key = user + "\u0000" + source;
        Failures f = recent.get(key);
        if (f == null || at.toEpochMilli() - f.last > failureWindow.toMillis()) {
            f = new Failures();
            recent.put(key, f);
        }
        f.count++;
        f.last = Math.max(f.last, at.toEpochMilli());
    }

    /** Learns a successful logon and returns what was new about it (nothing while the user warms up). */
    public synchronized Optional<Finding> success(TenantId tenant, String user, String source, Instant at) {
        User u = user(tenant, user);
        long now = at.toEpochMilli();
        boolean warm = u.logons >= warmUp;
        Source known = u.sources.get(source);
        Optional<Finding> finding = Optional.empty();
        if (known == null && warm) {
            int failed = recentFailures(tenant, user, source, now);
            finding = Optional.of(new Finding(user, source, (int) Math.min(Integer.MAX_VALUE, u.logons),
                    u.sources.size(), failed, explain(user, source, u, failed, now)));
        }
        u.logons++;
        if (known == null) {
            u.sources.put(source, new Source(1, now, now));
            u.lastNewSource = now;
        } else {
            known.count++;
            known.lastSeen = Math.max(known.lastSeen, now);
        }
        return finding;
    }

    /** Whether the user has shown enough successful logons to judge a source new. */
    public synchronized boolean warm(TenantId tenant, String user) {
        Map<String, User> users = tenants.get(tenant);
        User u = users == null ? null : users.get(user);
        return u != null && u.logons >= warmUp;
    }

    /** How many successful logons of the user came from the source (0 when never, or the user is unknown). */
    public synchronized long sourceCount(TenantId tenant, String user, String source) {
        Map<String, User> users = tenants.get(tenant);
        User u = users == null ? null : users.get(user);
        Source s = u == null ? null : u.sources.get(source);
        return s == null ? 0 : s.count;
    }

    /** The user's sources, least recently seen first (empty when unknown). */
    public synchronized List<String> sources(TenantId tenant, String user) {
        Map<String, User> users = tenants.get(tenant);
        User u = users == null ? null : users.get(user);
        return u == null ? List.of() : List.copyOf(u.sources.keySet());
    }

    /** Users and sources evicted to stay within bounds since start. */
    public synchronized long evictions() {
        return evictions;
    }

    /** The tenant's baselines, least recently seen user first: what a snapshot persists. */
    public synchronized List<UserState> export(TenantId tenant) {
        Map<String, User> users = tenants.getOrDefault(tenant, Map.of());
        List<UserState> out = new ArrayList<>(users.size());
        users.forEach((name, u) -> {
            List<SourceState> sources = new ArrayList<>(u.sources.size());
            u.sources.forEach((s, v) -> sources.add(new SourceState(s, v.count, v.firstSeen, v.lastSeen)));
            out.add(new UserState(name, u.logons, u.lastNewSource, sources));
        });
        return out;
    }

    /** Replaces the tenant's baselines with a snapshot (bounds applied, recent failures forgotten). */
    public synchronized void restore(TenantId tenant, List<UserState> users) {
        tenants.remove(tenant);
        failures.remove(tenant);
        for (UserState state : users) {
            User u = user(tenant, state.user());
            u.logons = state.logons();
            u.lastNewSource = state.lastNewSource();
            for (SourceState s : state.sources()) {
                u.sources.put(s.source(), new Source(s.count(), s.firstSeen(), s.lastSeen()));
            }
        }
    }

    private int recentFailures(TenantId tenant, String user, String source, long now) {
        Map<String, Failures> recent = failures.get(tenant);
        Failures f = recent == null ? null : recent.get(user + "\u0000" + source);
        return f != null && now - f.last <= failureWindow.toMillis() ? f.count : 0;
    }

    private static String explain(String user, String source, User u, int failed, long now) {
        StringBuilder s = new StringBuilder("first successful logon of ").append(user).append(" from ").append(source);
        if (failed > 0) {
            s.append(", right after ").append(Plain.count(failed, "failed logon")).append(" from it");
        }
        s.append("; ").append(Plain.count(u.logons, "earlier logon")).append(" came from ")
                .append(Plain.count(u.sources.size(), "source"));
        if (u.lastNewSource > 0) {
            s.append(", the last new one ").append(Plain.ago(Duration.ofMillis(Math.max(0, now - u.lastNewSource))));
        }
        return s.toString();
    }

    private User user(TenantId tenant, String name) {
        return tenants.computeIfAbsent(tenant, t -> new BoundedMap<>(maxUsers, true, () -> evictions++))
                .computeIfAbsent(name, n -> new User(new BoundedMap<>(maxSourcesPerUser, true, () -> evictions++)));
    }

    private static final class User {
        long logons;
        long lastNewSource;
        final Map<String, Source> sources;

        User(Map<String, Source> sources) {
            this.sources = sources;
        }
    }

    private static final class Source {
        long count;
        final long firstSeen;
        long lastSeen;

        Source(long count, long firstSeen, long lastSeen) {
            this.count = count;
            this.firstSeen = firstSeen;
            this.lastSeen = lastSeen;
        }
    }

    private static final class Failures {
        int count;
        long last = Long.MIN_VALUE;
    }
}
