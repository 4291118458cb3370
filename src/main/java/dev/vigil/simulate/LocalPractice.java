package dev.vigil.simulate;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A legitimate routine particular to one estate that the factory rules flag every time it runs: what makes a
 * tenant's alert stream differ from the estates the factory model was trained on, and what feedback learning from
 * that tenant's verdicts must learn. Run by one administrator account at a fixed time every day; never labelled.
 */
public enum LocalPractice {
    /** Nightly software deployment: PsExec from the administrator's workstation to every Windows server at 02:00. */
    NIGHTLY_DEPLOYMENT(2),
    /** A morning inventory script: elevated PowerShell with a bypassed execution policy and discovery commands at 06:30. */
    INVENTORY_SCRIPT(6),
    /** Account provisioning from the HR feed: new users created at 09:00. */
    ACCOUNT_PROVISIONING(9);

    private final int hour;

    LocalPractice(int hour) {
        this.hour = hour;
    }

    /** The hour of day (UTC) the routine starts. */
    public int hour() {
        return hour;
    }

    /** The option spelling, e.g. {@code nightly-deployment}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code all}, {@code none} or a comma-separated list, naming an unknown entry and the valid ones. */
    public static Set<LocalPractice> parseList(String list) {
        EnumSet<LocalPractice> out = EnumSet.noneOf(LocalPractice.class);
        for (String raw : (list == null ? "" : list).split(",")) {
            String name = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.equals("ALL")) {
                out.addAll(EnumSet.allOf(LocalPractice.class));
            } else if (!name.isEmpty() && !name.equals("NONE")) {
                out.add(Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("unknown local practice '" + raw.trim() + "'; valid: all, none, "
                                + Arrays.stream(values()).map(LocalPractice::optionName).collect(Collectors.joining(", ")))));
            }
        }
        return out;
    }
}
