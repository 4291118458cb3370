package dev.vigil.simulate;

import java.util.Objects;

/**
 * Ground truth for one output line that belongs to an attack.
 *
 * <p>{@code eventId} is a string that occurs verbatim in the labelled line: the Winlogbeat {@code winlog.record_id},
 * the audit serial {@code seconds.millis:serial}, the Zeek {@code uid}, the Suricata {@code flow_id}, the CloudTrail
 * {@code eventID}, or for auth.log the {@code program[pid]} tag.
 *
 * @param eventId   the event's own id as it appears in the line
 * @param attackId  identifies the chain instance, shared by all its events
 * @param kind      the chain's kind
 * @param technique ATT&amp;CK technique id, e.g. {@code T1003.001}
 * @param tactic    ATT&amp;CK tactic, e.g. {@code credential-access}
 * @param step      1-based position of the step within its chain; events of one step share it
 */
public record Label(String eventId, String attackId, AttackKind kind, String technique, String tactic, int step) {

    /** Rejects missing parts and non-positive steps. */
    public Label {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(attackId, "attackId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(tactic, "tactic");
        if (step < 1) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
    }
}
