package dev.vigil.analyst.incident;

import dev.vigil.detect.MatchedField;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entities an alert names, from its group key ({@code host.name=ws-12;user.name=alice}) and matched fields, by
 * field name (ECS names and the Windows/Sigma spellings connectors keep); user names lose their domain
 * ({@code CORP\ann} and {@code ann@corp.example} are {@code ann}). Values on the stop-list — accounts and
 * addresses every host shares, such as {@code SYSTEM}, {@code -} or {@code 127.0.0.1} — are left out, since grouping
 * by them would join unrelated alerts. Pure.
 */
public final class AlertEntities {

    private static final Map<String, Entity.Kind> FIELDS = Map.ofEntries(
            Map.entry("host.name", Entity.Kind.HOST), Map.entry("host.hostname", Entity.Kind.HOST),
            Map.entry("computer", Entity.Kind.HOST), Map.entry("hostname", Entity.Kind.HOST),
            Map.entry("workstationname", Entity.Kind.HOST), Map.entry("source.hostname", Entity.Kind.HOST),
            Map.entry("user.name", Entity.Kind.USER), Map.entry("user", Entity.Kind.USER),
            Map.entry("targetusername", Entity.Kind.USER), Map.entry("subjectusername", Entity.Kind.USER),
            Map.entry("user.target.name", Entity.Kind.USER),
            Map.entry("source.ip", Entity.Kind.IP), Map.entry("destination.ip", Entity.Kind.IP),
            Map.entry("ipaddress", Entity.Kind.IP), Map.entry("client.ip", Entity.Kind.IP),
            Map.entry("src_ip", Entity.Kind.IP), Map.entry("dest_ip", Entity.Kind.IP));

    /** The default stop-list: values too common to link alerts by. */
    public static final Set<String> DEFAULT_STOP_LIST = Set.of("-", "", "system", "local service", "network service",
            "nt authority\\system", "anonymous logon", "unknown", "n/a", "none", "null", "localhost", "127.0.0.1", "::1",
            "0.0.0.0", "::");

    private final Set<String> stopList;

    public AlertEntities(Set<String> stopList) {
        this.stopList = stopList.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Set<Entity> of(String groupKey, List<MatchedField> matched) {
        Set<Entity> out = new TreeSet<>();
        if (groupKey != null && !groupKey.isEmpty()) {
            for (String part : groupKey.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    add(out, part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        for (MatchedField f : matched) {
            add(out, f.field(), f.value());
        }
        return out;
    }

    private void add(Set<Entity> out, String field, String value) {
        Entity.Kind kind = FIELDS.get(field.trim().toLowerCase(Locale.ROOT));
        if (kind == null || value == null) {
            return;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (kind == Entity.Kind.USER) {
            v = account(v);
        }
        if (v.isEmpty() || stopList.contains(v) || v.length() > 200) {
            return;
        }
        out.add(new Entity(kind, v));
    }

    /**
     * The account name without its domain: {@code CORP\ann}, {@code ann@corp.example} and {@code ann} are one user
     * (Windows logons, Sysmon and cloud logs spell the same account differently).
     */
    static String account(String user) {
        String u = user;
        int slash = u.lastIndexOf('\\');
        if (slash >= 0) {
            u = u.substring(slash + 1);
        }
        int at = u.indexOf('@');
        if (at > 0) {
            u = u.substring(0, at);
        }
        return u;
    }
}
