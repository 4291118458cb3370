package dev.vigil.update;

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
 * Intel lists: UTF-8 text, one indicator per line ({@code #} starts a comment), no control characters, no line longer
 * than {@value #MAX_LINE} characters. Problems name the file and line.
 */
@Singleton
public class IntelContentValidator implements ContentValidator {

    static final int MAX_LINE = 4096;

    @Override
    public TargetType type() {
        return TargetType.INTEL;
    }

    @Override
    public List<ContentProblem> validate(Path contentRoot, List<TargetFile> files) {
        List<ContentProblem> problems = new ArrayList<>();
        for (TargetFile f : files) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(contentRoot.resolve(f.name())))).toString();
            } catch (CharacterCodingException e) {
                problems.add(new ContentProblem(f.name(), 0, "not UTF-8 text"));
                continue;
            } catch (IOException e) {
                problems.add(new ContentProblem(f.name(), 0, "cannot be read: " + e.getMessage()));
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                if (line.length() > MAX_LINE) {
                    problems.add(new ContentProblem(f.name(), i + 1, "line longer than " + MAX_LINE + " characters"));
                    break;
                }
                if (line.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                    problems.add(new ContentProblem(f.name(), i + 1, "control character in an indicator"));
                    break;
                }
            }
        }
        return problems;
    }
}
