package dev.vigil.detect.rules;

import java.nio.file.Path;
import java.util.Optional;

/** Where the rules of the currently installed update bundle are, if any bundle is installed. */
@FunctionalInterface
public interface ContentRulesDirectory {

    ContentRulesDirectory NONE = Optional::empty;

    Optional<Path> current();
}
