package dev.vigil.analyst.anomaly;

import dev.vigil.tenancy.TenantId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Per-tenant, per-host behavioural baselines of process starts: which programs a host runs and which parent starts
 * which child. Pure (no I/O, no clock); in memory, bounded; {@link #export} and {@link #restore} let a snapshot
 * carry it over a restart.
 *
 * <p>Guarantees: a host says something is new only once it is warmed up (it has shown {@code warmUp} process
 * starts), so a fresh appliance or a new host does not flood analysts; each host keeps at most {@code maxPerHost}
 * programs and pairs and each tenant at most {@code maxHosts} hosts (least recently seen evicted, counted);
 * tenants never share a baseline. Synchronised: learning runs in event order while scorers read concurrently.
 */
public final class ProcessBaselines {

    /** What was new about a process start. */
    public enum Novelty {
        NEW_PROGRAM,
        NEW_PARENT_CHILD
    }

    /** A new behaviour, in plain words. */
    public record Finding(Novelty novelty, String host, String program, String parent, String explanation) {
    }

    /** One host's baseline, as persisted: its programs and pairs with counts, oldest first. */
    public record HostState(String host, long starts, Map<String, Integer> programs, Map<String, Integer> pairs) {
        public HostState {
            programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
            pairs = Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
        }
    }

    private final int warmUp;
    private final int maxHosts;
    private final int maxPerHost;
    private final Map<TenantId, Map<String, Host>> tenants = new HashMap<>();
    private long evictions;

    public ProcessBaselines(int warmUp, int maxHosts, int maxPerHost) {
        if (warmUp < 1 || maxHosts < 1 || maxPerHost < 1) {
            throw new IllegalArgumentException("warm-up and bounds must be positive");
        }
        this.warmUp = warmUp;
        this.maxHosts = maxHosts;
        this.maxPerHost = maxPerHost;
    }

    /** Learns one process start and returns what was new about it (nothing while the host warms up). */
    public synchronized Optional<Finding> learn(TenantId tenant, String host, String program, String parent) {
        Host h = host(tenant, host);
        String child = name(program);
        String pair = name(parent) + " > " + child;
        boolean warm = h.starts >= warmUp;
        h.starts++;
        boolean newProgram = h.remember(h.programs, child);
        boolean newPair = h.remember(h.pairs, pair);
        if (!warm) {
            return Optional.empty();
        }
        if (newProgram) {
            return Optional.of(new Finding(Novelty.NEW_PROGRAM, host, child, name(parent), "first time " + child
                    + " ran on host " + host + " (started by " + name(parent) + ")"));
        }
        if (newPair) {
            return Optional.of(new Finding(Novelty.NEW_PARENT_CHILD, host, child, name(parent), "first time " + child
                    + " was spawned by " + name(parent) + " on host " + host));
        }
        return Optional.empty();
    }

    /** How often the host has started this program from this parent (0 when never, or the host is unknown). */
    public synchronized int pairCount(TenantId tenant, String host, String program, String parent) {
        Map<String, Host> hosts = tenants.get(tenant);
        Host h = hosts == null ? null : hosts.get(host);
        return h == null ? 0 : h.pairs.getOrDefault(name(parent) + " > " + name(program), 0);
    }

    /** Whether the host has shown enough process starts to judge novelty. */
    public synchronized boolean warm(TenantId tenant, String host) {
        Map<String, Host> hosts = tenants.get(tenant);
        return hosts != null && hosts.containsKey(host) && hosts.get(host).starts >= warmUp;
    }

    /** Hosts and entries evicted to stay within bounds since start. */
    public synchronized long evictions() {
        return evictions;
    }

    /** The tenant's baselines, least recently seen host first: what a snapshot persists. */
    public synchronized List<HostState> export(TenantId tenant) {
        List<HostState> out = new ArrayList<>();
        tenants.getOrDefault(tenant, Map.of()).forEach((name, h) -> out.add(new HostState(name, h.starts, h.programs,
                h.pairs)));
        return out;
    }

    /** Replaces the tenant's baselines with a snapshot (bounds applied). */
    public synchronized void restore(TenantId tenant, List<HostState> hosts) {
        tenants.remove(tenant);
        for (HostState s : hosts) {
            Host h = host(tenant, s.host());
            h.starts = s.starts();
            h.programs.putAll(s.programs());
            h.pairs.putAll(s.pairs());
        }
    }

    /** The file name of a program path, lower-cased (Windows and POSIX separators). */
    static String name(String path) {
        String p = path == null ? "" : path.strip();
        int cut = Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/'));
        String n = (cut >= 0 ? p.substring(cut + 1) : p).toLowerCase(Locale.ROOT);
        return n.isEmpty() ? "(unknown)" : n;
    }

    private Host host(TenantId tenant, String host) {
        return tenants.computeIfAbsent(tenant, t -> new BoundedMap<>(maxHosts, true, () -> evictions++))
                .computeIfAbsent(host, h -> new Host());
    }

    private final class Host {
        long starts;
        final Map<String, Integer> programs = new BoundedMap<>(maxPerHost, false, () -> evictions++);
        final Map<String, Integer> pairs = new BoundedMap<>(maxPerHost, false, () -> evictions++);

        /** Counts a key; true when it was new (the oldest key is dropped when full). */
        boolean remember(Map<String, Integer> seen, String key) {
            return seen.merge(key, 1, Integer::sum) == 1;
        }
    }
}
