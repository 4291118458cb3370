package dev.vigil.detect.sigma;

/** One YAML document of a rule file: a detection rule, a filter, or a correlation rule. */
public sealed interface RuleDocument permits SigmaRule, SigmaFilter, CorrelationDocument {

    /** Where the document came from. */
    String origin();

    /** The line the document starts on. */
    int line();

    /** The document's id (a UUID for SigmaHQ content). */
    String id();

    /** The document's title. */
    String title();
}
