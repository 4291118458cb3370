package dev.vigil.event;

/** Formats and parses event ids: the spool sequence number as 16 lower-case hex digits, so ids sort like sequences. */
public final class EventIds {

    private EventIds() {
    }

    public static String format(long sequence) {
        String hex = Long.toHexString(sequence);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** Parses an id made by {@link #format}; throws {@link IllegalArgumentException} naming the bad id otherwise. */
    public static long parse(String id) {
        if (id == null || id.length() != 16) {
            throw new IllegalArgumentException("invalid event id '" + id + "': expected 16 hex digits");
        }
        try {
            return Long.parseUnsignedLong(id, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid event id '" + id + "': expected 16 hex digits", e);
        }
    }
}
