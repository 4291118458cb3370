package dev.vigil.detect.rules;

import java.util.List;

/**
 * What importing a directory of rules did.
 *
 * @param directory the directory read
 * @param added     files new to the tenant
 * @param updated   files whose text changed
 * @param unchanged files already present with the same text
 * @param rejected  files refused, each with the reason naming file, line, rule and problem
 */
public record ImportReport(String directory, int added, int updated, int unchanged, List<String> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }
}
