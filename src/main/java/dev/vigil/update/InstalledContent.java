package dev.vigil.update;

import dev.vigil.update.tuf.TrustedState;

import java.util.List;
import java.util.Objects;

/**
 * Everything the appliance knows about its content, kept in one file so it changes in one atomic rename: the trust
 * state, which version directory is current, which was current before it (the rollback target), and the history.
 */
public record InstalledContent(TrustedState trust, String current, String previous, List<HistoryEntry> history) {
    public InstalledContent {
        Objects.requireNonNull(trust, "trust");
        history = List.copyOf(history);
    }

    public InstalledContent with(TrustedState nextTrust, String nextCurrent, String nextPrevious, HistoryEntry entry) {
        List<HistoryEntry> h = new java.util.ArrayList<>(history);
        h.add(entry);
        return new InstalledContent(nextTrust, nextCurrent, nextPrevious, h);
    }
}
