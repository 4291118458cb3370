package dev.vigil.audit.report;

import java.util.List;
import java.util.Map;

/**
 * One line of an assessor report: an audit entry about the tenant's data use, what it means, the consent in force
 * when it was written, and the inclusion proof that ties it to the report's signed checkpoint.
 *
 * @param index   the entry's sequence number in the chain (its leaf index is {@code index - 1})
 * @param context true for the last consent entry of its scope before the report's range, included so the consent
 *                in force at the start of the range can be derived and checked
 * @param meaning what the entry means, in plain words, derived only from the entry and {@code state}
 * @param consent the consent in force for each scope when the entry was written ({@code granted} or {@code withdrawn}),
 *                derived from the tenant's consent entries in the chain
 * @param entry   the entry's canonical line exactly as stored in the chain
 * @param leafHash the entry's RFC 6962 leaf hash (SHA-256 of 0x00 and the entry's UTF-8 bytes), lower-case hex: the
 *                value the inclusion proof starts from
 * @param state   the entry's after-state, when the appliance still holds it; its SHA-256 is the entry's after-hash
 * @param proof   the RFC 6962 inclusion proof of the entry in the checkpoint's tree, lower-case hex hashes
 */
public record ReportLine(long index, boolean context, String time, String action, String object, String actor,
                         String role, String policy, String meaning, Map<String, String> consent, String entry,
                         String leafHash, String state, List<String> proof) {
}
