package dev.vigil.update;

import dev.vigil.update.tuf.BundleWriter;
import dev.vigil.update.tuf.Role;
import dev.vigil.update.tuf.SigningKey;
import dev.vigil.update.tuf.TufRepository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Content directories and signed bundles of them for update tests: a vendor repository, a content tree with one
 * valid file of every type (a rule, a real ONNX model with its smoke evaluation, the real cef connector folder, an
 * intel list), and an appliance content directory pinned to the repository's first root.
 */
public final class ContentFixture {

    public final TufRepository repo = new TufRepository();
    public final Path dir;
    public final Path contentDir;

    public ContentFixture(Path dir) throws IOException {
        this.dir = dir;
        this.contentDir = dir.resolve("data/content");
        Files.createDirectories(contentDir);
        Files.write(contentDir.resolve("root.json"), repo.roots.getFirst().bytes());
    }

    /** A content tree with every type of content, valid; {@code rule} is the text of rules/sigma/a.yml. */
    public Path content(String name, String rule) throws IOException {
        Path c = dir.resolve(name);
        write(c.resolve("rules/sigma/a.yml"), rule);
        write(c.resolve("intel/bad-ips.txt"), "# test list\n203.0.113.9\n");
        Files.createDirectories(c.resolve("models/triage"));
        Files.write(c.resolve("models/triage/model.onnx"), OnnxModels.relu());
        write(c.resolve("models/triage/manifest.json"), """
                {"name":"triage","version":"1","file":"model.onnx",
                 "smoke":{"inputs":{"x":{"shape":[3],"values":[-1.5,0,2]}},"expected":{"y":[0,0,2]},"tolerance":0.0001}}
                """);
        for (String f : List.of("connector.yaml", "sample", "expected.json")) {
            Files.createDirectories(c.resolve("connectors/cef"));
            Files.copy(Path.of("connectors/cef").resolve(f), c.resolve("connectors/cef").resolve(f));
        }
        return c;
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public static final String RULE = """
            title: Failed logon burst
            logsource: {product: windows, service: security}
            detection:
              selection: {EventID: 4625}
              condition: selection
            """;

    /** Signs {@code content} as release {@code version} with every current key of the repository. */
    public Path bundle(Path content, long version) throws IOException {
        List<SigningKey> keys = new ArrayList<>();
        for (Role role : Role.values()) {
            keys.addAll(repo.keys.get(role));
        }
        Path out = dir.resolve("bundle-" + version + "-" + content.getFileName() + ".zip");
        BundleWriter.write(new BundleWriter.Release(content, repo.roots, version, repo.now.plus(Duration.ofDays(30)), keys), out);
        return out;
    }
}
