package dev.vigil.analyst.anomaly;

import dev.vigil.tenancy.TenantId;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Per-tenant, per-host behavioural baselines of process starts: which programs a host runs and which parent starts
 * which child. Pure (no I/O, no clock); in memory, bounded.
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
        boolean newProgram = h.remember(h.programs, child, maxPerHost);
        boolean newPair = h.remember(h.pairs, pair, maxPerHost);
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

    /** The file name of a program path, lower-cased (Windows and POSIX separators). */
    static String name(String path) {
        String p = path == null ? "" : path.strip();
        int cut = Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/'));
        String n = (cut >= 0 ? p.substring(cut + 1) : p).toLowerCase(Locale.ROOT);
        return n.isEmpty() ? "(unknown)" : n;
    }

    private Host host(TenantId tenant, String host) {
        Map<String, Host> hosts = tenants.computeIfAbsent(tenant, t -> new LinkedHashMap<>(16, 0.75f, true));
        Host h = hosts.get(host);
        if (h == null) {
            if (hosts.size() >= maxHosts) {
                String eldest = hosts.keySet().iterator().next();
                hosts.remove(eldest);
                evictions++;
            }
            h = new Host();
            hosts.put(host, h);
        }
        return h;
    }

    private final class Host {
        long starts;
        final Map<String, Integer> programs = new LinkedHashMap<>();
        final Map<String, Integer> pairs = new LinkedHashMap<>();

        /** Counts a key; true when it was new. Drops the oldest key when full. */
        boolean remember(Map<String, Integer> seen, String key, int cap) {
            Integer n = seen.get(key);
            if (n != null) {
                seen.put(key, n + 1);
                return false;
            }
            if (seen.size() >= cap) {
                seen.remove(seen.keySet().iterator().next());
                evictions++;
            }
            seen.put(key, 1);
            return true;
        }
    }
}
