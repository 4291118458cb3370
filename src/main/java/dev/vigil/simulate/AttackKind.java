package dev.vigil.simulate;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The attack chains the simulator can plant among benign activity.
 *
 * <p>Each constant names one multi-step chain whose events are labelled in {@code labels.jsonl}; the steps carry their
 * own MITRE ATT&amp;CK technique and tactic. {@link #parseList(String)} accepts the names case-insensitively, with
 * {@code -} or {@code _}, so {@code ssh-brute-force} and {@code SSH_BRUTE_FORCE} mean the same chain.
 */
public enum AttackKind {
    /** LSASS memory dumped with comsvcs.dll MiniDump, procdump or mimikatz. */
    CREDENTIAL_DUMPING,
    /** Remote execution with PsExec, WMIC /node or WinRM, seen on both the source and the target host. */
    LATERAL_MOVEMENT,
    /** Run key, scheduled task or a new local administrator. */
    PERSISTENCE,
    /** Many failed SSH passwords from one address, then a success and sudo. */
    SSH_BRUTE_FORCE,
    /** A burst of whoami, net group, nltest and ipconfig. */
    DISCOVERY,
    /** Staging followed by a large outbound transfer or DNS tunnelling. */
    EXFILTRATION,
    /** A console login without MFA from a new country, then an administrator user created. */
    CLOUD_ACCOUNT_TAKEOVER;

    /** The option spelling, e.g. {@code ssh-brute-force}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a comma-separated list of kinds; {@code all} means every kind.
     *
     * @throws IllegalArgumentException naming the unknown entry and listing the valid ones
     */
    public static Set<AttackKind> parseList(String list) {
        if (list == null || list.isBlank()) {
            throw new IllegalArgumentException("attack list is empty; use 'all' or some of: " + valid());
        }
        EnumSet<AttackKind> kinds = EnumSet.noneOf(AttackKind.class);
        for (String raw : list.split(",")) {
            String name = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.equals("ALL")) {
                kinds.addAll(EnumSet.allOf(AttackKind.class));
            } else if (name.equals("NONE")) {
                continue;
            } else {
                kinds.add(Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "unknown attack '" + raw.trim() + "'; valid: all, none, " + valid())));
            }
        }
        return kinds;
    }

    private static String valid() {
        return Arrays.stream(values()).map(AttackKind::optionName).collect(Collectors.joining(", "));
    }
}
