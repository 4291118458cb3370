package dev.vigil.audit.note;

import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one or more signature lines. Pure.
 *
 * <p>Guarantees: {@link #parse} accepts only well-formed notes (text non-empty and newline-terminated, no blank line
 * missing, every signature line well-formed) and {@link #encoded()} gives back the same bytes.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    public SignedNote {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text must be non-empty and end with a newline");
        }
        signatures = List.copyOf(signatures);
    }

    public static SignedNote parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("not a signed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (!block.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note: the last signature line has no newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            signatures.add(NoteSignature.parse(line));
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("not a signed note: the text is empty");
        }
        return new SignedNote(text, signatures);
    }

    /** The note as text: body, blank line, signature lines. */
    public String encoded() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    /** This note with one more signature line. */
    public SignedNote with(NoteSignature signature) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedNote(text, all);
    }

    /**
     * Checks the Ed25519 signature of {@code key} on this note.
     *
     * @throws IllegalArgumentException when the note has no signature by that key, or that signature is wrong
     */
    public void verify(NoteVerifierKey key) {
        if (key.algorithm() != NoteVerifierKey.ED25519) {
            throw new IllegalArgumentException("key " + key.name() + " is not an Ed25519 note key");
        }
        NoteSignature mine = signatures.stream().filter(s -> s.by(key)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("missing signature: no signature by key " + key.name()));
        if (!Ed25519.verify(key.publicKey(), NoteSignature.utf8(text), mine.signature())) {
            throw new IllegalArgumentException("forged signature: the signature by key " + key.name() + " does not verify");
        }
    }
}
