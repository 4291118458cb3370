package dev.vigil.analyst.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * The 14 MITRE ATT&CK enterprise tactics in kill-chain order, with their ids and the Sigma tag spelling
 * ({@code attack.credential_access}). Pure.
 */
public enum Tactic {
    RECONNAISSANCE("TA0043", "Reconnaissance"),
    RESOURCE_DEVELOPMENT("TA0042", "Resource Development"),
    INITIAL_ACCESS("TA0001", "Initial Access"),
    EXECUTION("TA0002", "Execution"),
    PERSISTENCE("TA0003", "Persistence"),
    PRIVILEGE_ESCALATION("TA0004", "Privilege Escalation"),
    DEFENSE_EVASION("TA0005", "Defense Evasion"),
    CREDENTIAL_ACCESS("TA0006", "Credential Access"),
    DISCOVERY("TA0007", "Discovery"),
    LATERAL_MOVEMENT("TA0008", "Lateral Movement"),
    COLLECTION("TA0009", "Collection"),
    COMMAND_AND_CONTROL("TA0011", "Command and Control"),
    EXFILTRATION("TA0010", "Exfiltration"),
    IMPACT("TA0040", "Impact");

    private final String id;
    private final String title;

    Tactic(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The tactic a Sigma tag names ({@code attack.lateral_movement}, {@code attack.lateral-movement}), if any. */
    public static Optional<Tactic> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.trim().toLowerCase(Locale.ROOT);
        if (!t.startsWith("attack.")) {
            return Optional.empty();
        }
        String name = t.substring("attack.".length()).replace('-', '_').toUpperCase(Locale.ROOT);
        for (Tactic tactic : values()) {
            if (tactic.name().equals(name) || tactic.id.equalsIgnoreCase(name)) {
                return Optional.of(tactic);
            }
        }
        return Optional.empty();
    }
}
