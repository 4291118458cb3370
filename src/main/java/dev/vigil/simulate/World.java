package dev.vigil.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The simulated estate: hosts, people, service accounts, the AWS account and how names resolve. */
final class World {

    private final long seed;
    private final String domain;
    private final String dnsSuffix;
    private final List<Host> hosts;
    private final List<Account> people;
    private final List<String> serviceAccounts;
    private final String awsAccountId;
    private final String awsRegion;
    private final String officeEgressIp;
    private final String sensorIface;
    private final Map<String, String> hashes = new HashMap<>();
    private final Map<Host.Role, List<Host>> byRole = new java.util.EnumMap<>(Host.Role.class);
    private final List<Account> admins;
    private final String dnsServer;
    private final String domainSid;
    private final Map<String, String> sids = new HashMap<>();

    private World(long seed, String domain, List<Host> hosts, List<Account> people, List<String> serviceAccounts,
                  String awsAccountId, String awsRegion, String officeEgressIp, String sensorIface) {
        this.seed = seed;
        this.domain = domain;
        this.dnsSuffix = domain.toLowerCase(Locale.ROOT) + ".local";
        this.hosts = List.copyOf(hosts);
        this.people = List.copyOf(people);
        this.serviceAccounts = List.copyOf(serviceAccounts);
        this.awsAccountId = awsAccountId;
        this.awsRegion = awsRegion;
        this.officeEgressIp = officeEgressIp;
        this.sensorIface = sensorIface;
        for (Host.Role role : Host.Role.values()) {
            byRole.put(role, this.hosts.stream().filter(h -> h.role() == role).toList());
        }
        this.admins = this.people.stream().filter(Account::admin).toList();
        this.people.forEach(a -> sids.put(a.name(), a.sid()));
        this.domainSid = this.people.isEmpty() ? "S-1-5-21-" + (seed & 0x7fffffff) : this.people.getFirst().sid()
                .substring(0, this.people.getFirst().sid().lastIndexOf('-'));
        this.dnsServer = byRole.get(Host.Role.DOMAIN_CONTROLLER).stream().map(Host::ip).findFirst()
                .orElse(this.hosts.getFirst().ip().substring(0, this.hosts.getFirst().ip().lastIndexOf('.')) + ".1");
    }

    static World build(long seed, int hostCount, Rng rng) {
        String domain = rng.pick(Catalog.DOMAINS);
        String suffix = domain.toLowerCase(Locale.ROOT) + ".local";
        String site = rng.pick(Catalog.SITES_PREFIX);
        int net = rng.between(1, 60);
        List<Host.Role> roles = roles(hostCount);
        List<Host> hosts = new ArrayList<>(hostCount);
        Set<String> names = new HashSet<>();
        int[] next = {rng.between(1, 120), rng.between(1, 3), 1, 1};
        for (int i = 0; i < roles.size(); i++) {
            Host.Role role = roles.get(i);
            String name;
            String ip;
            do {
                name = switch (role) {
                    case WORKSTATION -> site + "-" + rng.pick("LT", "WS", "LT") + Ts.pad(next[0]++ + rng.between(0, 2), 4);
                    case DOMAIN_CONTROLLER -> site + "-DC" + Ts.pad(next[1]++, 2);
                    case WINDOWS_SERVER -> rng.pick(Catalog.WIN_SERVER_NAMES) + Ts.pad(rng.between(1, 12 + i), 2);
                    case LINUX_SERVER -> rng.pick(Catalog.LINUX_SERVICE_NAMES) + "-" + Ts.pad(rng.between(1, 40 + i), 2);
                };
            } while (!names.add(name));
            ip = switch (role) {
                case WORKSTATION -> "10." + net + "." + (20 + i / 250) + "." + (i % 250 + 2);
                case DOMAIN_CONTROLLER -> "10." + net + ".10." + (10 + i % 200);
                case WINDOWS_SERVER -> "10." + net + "." + (11 + i / 250) + "." + (i % 250 + 2);
                case LINUX_SERVER -> "10." + net + "." + (14 + i / 250) + "." + (i % 250 + 2);
            };
            String fqdn = role == Host.Role.LINUX_SERVER ? name : name + "." + suffix;
            int pid = role == Host.Role.LINUX_SERVER ? rng.between(600, 1500) : 4 * rng.between(150, 300);
            hosts.add(new Host(i, name, fqdn, ip, role, rng.between(40_000L, 9_000_000L), pid, rng.hex(8)));
        }
        Set<String> logins = new HashSet<>();
        List<Account> people = new ArrayList<>();
        String domainSid = "S-1-5-21-" + rng.between(1_000_000_000L, 4_000_000_000L) + "-"
                + rng.between(1_000_000_000L, 4_000_000_000L) + "-" + rng.between(1_000_000_000L, 4_000_000_000L);
        int rid = rng.between(1100, 4000);
        int uid = 1001;
        for (Host h : hosts) {
            if (h.role() != Host.Role.WORKSTATION) {
                continue;
            }
            String login;
            do {
                String first = rng.pick(Catalog.FIRST);
                String last = rng.pick(Catalog.LAST);
                login = rng.chance(0.5) ? first + "." + last : first.charAt(0) + last;
                if (logins.contains(login)) {
                    login = login + rng.between(2, 9 + people.size());
                }
            } while (!logins.add(login));
            boolean admin = people.isEmpty() || rng.chance(0.08);
            List<Integer> apps = distinct(rng, Catalog.APPS.size(), rng.between(4, 7));
            List<Integer> sites = distinct(rng, Catalog.SITES.size(), rng.between(5, 10));
            double dayStart = Math.max(5.0, rng.gaussian(8.2, 0.7));
            double dayEnd = Math.min(22.0, dayStart + rng.gaussian(8.8, 0.8));
            people.add(new Account(login, domainSid + "-" + rid, uid++, admin, h, rng.publicIp(), apps, sites,
                    dayStart, dayEnd, admin || rng.chance(0.3)));
            rid += rng.between(1, 9);
        }
        List<String> services = List.of("svc_backup", "svc_sql", "svc_sccm", "svc_monitor");
        String account = Ts.pad(rng.between(100_000_000_000L, 999_999_999_999L), 12);
        return new World(seed, domain, hosts, people, services, account,
                rng.pick("us-east-1", "eu-west-1", "eu-central-1", "us-west-2"), rng.publicIp(),
                rng.pick("eth0", "ens192", "enp3s0"));
    }

    private static List<Host.Role> roles(int n) {
        List<Host.Role> roles = new ArrayList<>(n);
        if (n < 4) {
            Host.Role[] order = {Host.Role.WORKSTATION, Host.Role.LINUX_SERVER, Host.Role.DOMAIN_CONTROLLER,
                    Host.Role.WINDOWS_SERVER};
            for (int i = 0; i < n; i++) {
                roles.add(order[i]);
            }
            return roles;
        }
        int dcs = Math.max(1, Math.min(99, n / 80));
        int linux = Math.max(1, n * 15 / 100);
        int servers = Math.max(1, n / 10);
        for (int i = 0; i < dcs; i++) {
            roles.add(Host.Role.DOMAIN_CONTROLLER);
        }
        for (int i = 0; i < servers; i++) {
            roles.add(Host.Role.WINDOWS_SERVER);
        }
        for (int i = 0; i < linux; i++) {
            roles.add(Host.Role.LINUX_SERVER);
        }
        while (roles.size() < n) {
            roles.add(Host.Role.WORKSTATION);
        }
        return roles;
    }

    private static List<Integer> distinct(Rng rng, int size, int count) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            all.add(i);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(count, size); i++) {
            out.add(all.remove(rng.between(0, all.size() - 1)));
        }
        return List.copyOf(out);
    }

    /** The SID of a domain account: a person's own, or a stable one for service and ad-hoc accounts. */
    String sidOf(String account) {
        String sid = sids.get(account);
        return sid != null ? sid : domainSid + "-" + (5000 + Math.floorMod(mix(seed ^ account.hashCode()), 20_000));
    }

    String domain() {
        return domain;
    }

    String dnsSuffix() {
        return dnsSuffix;
    }

    List<Host> hosts() {
        return hosts;
    }

    List<Host> hosts(Host.Role role) {
        return byRole.get(role);
    }

    List<Account> people() {
        return people;
    }

    List<Account> admins() {
        return admins;
    }

    List<String> serviceAccounts() {
        return serviceAccounts;
    }

    String awsAccountId() {
        return awsAccountId;
    }

    String awsRegion() {
        return awsRegion;
    }

    String officeEgressIp() {
        return officeEgressIp;
    }

    String sensorIface() {
        return sensorIface;
    }

    /** The resolver hosts use: the first domain controller, else the gateway. */
    String dnsServer() {
        return dnsServer;
    }

    /** A stable public address for an internet name. */
    String resolve(String name) {
        long h = mix(seed ^ name.hashCode() * 0x9E3779B97F4A7C15L);
        int[] firsts = {13, 20, 23, 31, 34, 35, 40, 52, 54, 104, 142, 151, 157, 185, 199, 216};
        return firsts[(int) Math.floorMod(h, (long) firsts.length)] + "." + ((h >>> 8) & 0xff) + "."
                + ((h >>> 16) & 0xff) + "." + (((h >>> 24) & 0xfd) + 1);
    }

    /** The Sysmon {@code Hashes} value of a known binary, stable for the run. */
    String hashesOf(String image) {
        return hashes.computeIfAbsent(image.toLowerCase(Locale.ROOT), k -> {
            long h = mix(seed * 31 + k.hashCode());
            return "MD5=" + hex(h, 32) + ",SHA256=" + hex(mix(h + 1), 64) + ",IMPHASH=" + hex(mix(h + 2), 32);
        });
    }

    static String hex(long seed, int chars) {
        StringBuilder sb = new StringBuilder(chars);
        long s = seed;
        while (sb.length() < chars) {
            s = mix(s + 0x9E3779B97F4A7C15L);
            String part = Long.toHexString(s).toUpperCase(Locale.ROOT);
            sb.append("0".repeat(16 - part.length())).append(part);
        }
        return sb.substring(0, chars);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
