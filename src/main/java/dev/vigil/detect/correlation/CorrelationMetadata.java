package dev.vigil.detect.correlation;

import java.util.List;

/**
 * The descriptive attributes of a correlation rule, as written: none of them changes evaluation.
 *
 * <p>Guarantees: lists are never null (empty when absent); {@code status} is null or one of the specification's
 * values; {@code date} and {@code modified} are null or {@code YYYY-MM-DD}.
 */
public record CorrelationMetadata(String status, String description, String author, String date, String modified,
                                  List<String> references, List<String> falsePositives, String taxonomy) {

    /** No metadata at all. */
    public static final CorrelationMetadata NONE = new CorrelationMetadata(null, null, null, null, null, List.of(), List.of(), null);

    public CorrelationMetadata {
        references = List.copyOf(references);
        falsePositives = List.copyOf(falsePositives);
    }
}
