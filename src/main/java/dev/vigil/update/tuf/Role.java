package dev.vigil.update.tuf;

import java.util.Locale;

/** The four top-level TUF roles; {@link #id()} is the name used in metadata ({@code "root"}, …). */
public enum Role {
    ROOT, TARGETS, SNAPSHOT, TIMESTAMP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file name of this role's metadata in a bundle (root files carry their version: {@code 3.root.json}). */
    public String fileName() {
        return id() + ".json";
    }
}
