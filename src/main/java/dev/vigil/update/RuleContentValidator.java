package dev.vigil.update;

import dev.vigil.detect.DetectionContent;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.RuleSource;
import dev.vigil.detect.sigma.RuleStatus;
import dev.vigil.update.tuf.TargetFile;
import dev.vigil.update.tuf.TargetType;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Detection rules: every {@code rules/**.yml|yaml} file is UTF-8 and all of them compile together, as the appliance
 * would load them (detection rules, filters and correlation rules, references resolved across files). A rule that is
 * not valid Sigma fails the bundle, naming the file, the line and the problem; valid Sigma the engine does not
 * evaluate (an undefined placeholder) is accepted, since it loads disabled with its reason.
 */
@Singleton
public class RuleContentValidator implements ContentValidator {

    @Override
    public TargetType type() {
        return TargetType.RULES;
    }

    @Override
    public List<ContentProblem> validate(Path contentRoot, List<TargetFile> files) {
        List<ContentProblem> problems = new ArrayList<>();
        List<RuleSource> sources = new ArrayList<>();
        for (TargetFile f : files) {
            if (!f.name().endsWith(".yml") && !f.name().endsWith(".yaml")) {
                problems.add(new ContentProblem(f.name(), 0, "not a rule file: rules are .yml or .yaml"));
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(contentRoot.resolve(f.name()));
                sources.add(new RuleSource(f.name(), StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString()));
            } catch (CharacterCodingException e) {
                problems.add(new ContentProblem(f.name(), 0, "not UTF-8"));
            } catch (IOException e) {
                problems.add(new ContentProblem(f.name(), 0, "cannot be read: " + e.getMessage()));
            }
        }
        for (RuleStatus status : DetectionContent.compile(sources, EngineOptions.DEFAULTS).statuses()) {
            if (status.state() == RuleStatus.State.INVALID) {
                problems.add(new ContentProblem(status.origin(), status.line(), status.reason()));
            }
        }
        return problems;
    }
}
