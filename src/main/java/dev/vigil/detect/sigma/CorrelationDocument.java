package dev.vigil.detect.sigma;

import dev.vigil.yaml.LocatedYaml;

/**
 * A correlation rule document, recognised by its {@code correlation} section and handed on, unparsed, to the
 * correlation reader.
 */
public record CorrelationDocument(String origin, int line, String id, String title, LocatedYaml yaml) implements RuleDocument {
}
