package dev.vigil.ingest.http;

import dev.vigil.connectors.LineFramer;

import java.util.List;

/** What the HTTP collector needs to know about connectors: which exist, and how each frames lines. */
public interface ConnectorCatalog {

    boolean exists(String connector);

    List<String> names();

    LineFramer newLineFramer(String connector);
}
