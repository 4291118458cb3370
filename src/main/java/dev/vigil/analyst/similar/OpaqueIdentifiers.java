package dev.vigil.analyst.similar;

import java.util.regex.Pattern;

/**
 * Replaces identifiers that say nothing about what happened by a one-word placeholder, so that they do not spend the
 * embedding model's tokens (and time) on noise. Pure.
 *
 * <p>Guarantees: every UUID (8-4-4-4-12 hexadecimal digits, any case, with or without surrounding braces left as
 * they are) becomes {@value #UUID}; every other run of at least {@value #MIN_HEX} hexadecimal digits that stands as a
 * word of its own (MD5, SHA-1, SHA-256 hashes, long hex handles) becomes {@value #HASH}; everything else, shorter hex
 * such as {@code 0x1F} or {@code deadbeef}, host names, addresses, paths and rule names, is left exactly as it was.
 */
public final class OpaqueIdentifiers {

    /** What a UUID becomes. */
    public static final String UUID = "uuid";
    /** What a long hexadecimal run becomes. */
    public static final String HASH = "hash";
    /** The fewest hexadecimal digits a run has to be replaced. */
    public static final int MIN_HEX = 16;

    private static final Pattern UUIDS = Pattern.compile(
            "(?<![0-9A-Za-z])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z])");
    private static final Pattern HEX_RUNS = Pattern.compile("(?<![0-9A-Za-z])[0-9A-Fa-f]{" + MIN_HEX + ",}(?![0-9A-Za-z])");

    private OpaqueIdentifiers() {
    }

    /** The text with its UUIDs and long hexadecimal runs replaced by placeholders. */
    public static String shorten(String text) {
        String withoutUuids = UUIDS.matcher(text).replaceAll(UUID);
        return HEX_RUNS.matcher(withoutUuids).replaceAll(HASH);
    }
}
