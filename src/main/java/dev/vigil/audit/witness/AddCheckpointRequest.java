package dev.vigil.audit.witness;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP tlog-witness {@code POST /add-checkpoint}: {@code old <size>}, the consistency proof as base64
 * lines, a blank line, then the signed checkpoint note. Pure; {@link #parse} rejects anything else with the reason.
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> proof, String note) {

    public AddCheckpointRequest {
        proof = List.copyOf(proof);
    }

    public static AddCheckpointRequest parse(String body) {
        int blank = body.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("no blank line between the proof and the checkpoint");
        }
        String[] head = body.substring(0, blank).split("\n", -1);
        if (!head[0].matches("old (0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("the first line must be 'old <size>', was '" + head[0] + "'");
        }
        if (head.length - 1 > 63) {
            throw new IllegalArgumentException("a consistency proof has at most 63 hashes, got " + (head.length - 1));
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < head.length; i++) {
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(head[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("proof line " + i + " is not base64");
            }
            if (hash.length != 32) {
                throw new IllegalArgumentException("proof line " + i + " is not a 32-byte hash");
            }
            proof.add(hash);
        }
        return new AddCheckpointRequest(Long.parseLong(head[0].substring(4)), proof, body.substring(blank + 2));
    }

    public String encoded() {
        StringBuilder out = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(h -> out.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return out.append('\n').append(note).toString();
    }
}
