package dev.vigil.update;

import dev.vigil.update.tuf.TargetFile;
import dev.vigil.update.tuf.TargetType;

import java.nio.file.Path;
import java.util.List;

/**
 * Checks that authentic content of one type is also usable before it is switched in: rules compile, models load and
 * pass their smoke evaluation, connector samples normalise as expected, intel lists read.
 *
 * <p>Implementations guarantee: they read only under {@code contentRoot}, change nothing, never throw for bad content
 * (they return its problems, each naming the file and, where known, the line), and return an empty list only when
 * every file of their type is usable.
 */
public interface ContentValidator {

    /** The content type this validator checks. */
    TargetType type();

    /**
     * @param contentRoot the staged content directory (target names resolve against it)
     * @param files       the staged targets of {@link #type()}
     */
    List<ContentProblem> validate(Path contentRoot, List<TargetFile> files);
}
