package dev.vigil.connectors;

import java.util.Arrays;
import java.util.Optional;

/** How a stream or file is cut into records; each constant's {@link #specName()} is what a spec writes. */
public enum Framing {
    /** One non-blank line is one record. */
    LINE("line"),
    /** A stream of JSON values: NDJSON, pretty-printed objects, top-level arrays split into their elements. */
    JSON("json"),
    /** Zeek's tab-separated logs; header lines are carried into each record so it parses alone. */
    ZEEK_TSV("zeek-tsv");

    private final String specName;

    Framing(String specName) {
        this.specName = specName;
    }

    /** The name used in {@code connector.yaml}. */
    public String specName() {
        return specName;
    }

    /** The framing a spec name denotes, if any. */
    public static Optional<Framing> bySpecName(String name) {
        return Arrays.stream(values()).filter(f -> f.specName.equals(name)).findFirst();
    }
}
