package dev.vigil.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.update.tuf.TargetFile;
import dev.vigil.update.tuf.TargetType;
import dev.vigil.yaml.LocatedYaml;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Detection rules: every {@code rules/**.yml|yaml} file is UTF-8, every YAML document in it parses, and each is a
 * Sigma-shaped mapping with a {@code title} and a {@code detection} (or, for correlation rules, {@code correlation}).
 * Problems name the file and line. The Sigma compiler (dev.vigil.detect.sigma) plugs in here once it exists, so that
 * "rules compile" becomes literal.
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
        for (TargetFile f : files) {
            if (!f.name().endsWith(".yml") && !f.name().endsWith(".yaml")) {
                problems.add(new ContentProblem(f.name(), 0, "not a rule file: rules are .yml or .yaml"));
                continue;
            }
            problems.addAll(check(f.name(), contentRoot.resolve(f.name())));
        }
        return problems;
    }

    private static List<ContentProblem> check(String name, Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return List.of(new ContentProblem(name, 0, "not UTF-8"));
        } catch (IOException e) {
            return List.of(new ContentProblem(name, 0, "cannot be read: " + e.getMessage()));
        }
        List<LocatedYaml> documents;
        try {
            documents = LocatedYaml.readAll(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return List.of(new ContentProblem(name, line, "YAML does not parse: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return List.of(new ContentProblem(name, 0, "YAML does not parse: " + e.getMessage()));
        }
        List<ContentProblem> problems = new ArrayList<>();
        if (documents.isEmpty()) {
            problems.add(new ContentProblem(name, 1, "holds no rule"));
        }
        for (LocatedYaml doc : documents) {
            JsonNode root = doc.root();
            int line = doc.lineOf(root);
            if (!root.isObject()) {
                problems.add(new ContentProblem(name, line, "a rule is a mapping"));
            } else if (!root.path("title").isTextual()) {
                problems.add(new ContentProblem(name, line, "a rule needs a title"));
            } else if (!root.has("detection") && !root.has("correlation") && !root.has("action")) {
                problems.add(new ContentProblem(name, line, "rule '" + root.path("title").asText()
                        + "' has neither detection nor correlation"));
            }
        }
        return problems;
    }
}
