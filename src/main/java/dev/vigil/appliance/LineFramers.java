package dev.vigil.appliance;

import dev.vigil.connectors.LineFramer;

import java.util.function.Function;

/**
 * Gives the appliance a {@link LineFramer} for a connector name, and refuses unknown connector names at start with
 * a message naming the setting and the known connectors.
 */
public interface LineFramers {

    /** A factory of framers for {@code connector}; throws IllegalArgumentException naming {@code setting} if unknown. */
    Function<String, LineFramer> require(String connector, String setting);
}
