package dev.vigil.detect.sigma;

import java.util.List;

/**
 * A search identifier of a rule's {@code detection} as written: alternatives that are OR-ed, each a list of field
 * entries that are AND-ed. A map is one alternative; a list of maps is several; a list of plain values is one keyword
 * entry.
 */
public record Selection(String name, List<List<FieldSpec>> alternatives, int line) {

    public Selection {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }
}
