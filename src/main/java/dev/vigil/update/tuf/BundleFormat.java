package dev.vigil.update.tuf;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of a bundle file: a ZIP archive whose entries are, in this order, {@code metadata/<N>.root.json} for
 * every root version, {@code metadata/timestamp.json}, {@code metadata/snapshot.json}, {@code metadata/targets.json},
 * then one {@code targets/<name>} per signed target. Any other entry is refused.
 */
public final class BundleFormat {

    public static final String METADATA = "metadata/";
    public static final String TARGETS = "targets/";
    /** The most entries a bundle may have. */
    public static final int MAX_ENTRIES = 100_000;
    /** The most bytes the timestamp metadata may have (TUF's default bound for it is far smaller). */
    public static final int MAX_TIMESTAMP_BYTES = 64 << 10;

    private static final Pattern ROOT = Pattern.compile("metadata/([1-9][0-9]{0,8})\\.root\\.json");

    private BundleFormat() {
    }

    /** The root version an entry name holds, if it is a root entry. */
    public static Optional<Integer> rootVersion(String entry) {
        Matcher m = ROOT.matcher(entry);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    public static String rootEntry(int version) {
        return METADATA + version + ".root.json";
    }

    public static String metadataEntry(Role role) {
        return METADATA + role.fileName();
    }

    public static long limitFor(String entry) {
        return entry.equals(metadataEntry(Role.TIMESTAMP)) ? MAX_TIMESTAMP_BYTES : MetadataVerifier.MAX_METADATA_BYTES;
    }
}
