package dev.vigil.update.tuf;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading bundle files: what reaches the sink is authentic, and everything else is refused by name. */
class BundleReaderTest {

    @TempDir
    Path dir;

    private final TufRepository repo = new TufRepository();
    private Path bundle;

    @BeforeEach
    void build() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("rules"));
        Files.createDirectories(content.resolve("intel"));
        Files.writeString(content.resolve("rules/a.yml"), "title: a\ndetection: {}\n");
        Files.writeString(content.resolve("intel/ips.txt"), "203.0.113.9\n");
        bundle = dir.resolve("b.zip");
        List<SigningKey> keys = new ArrayList<>();
        repo.keys.forEach((role, list) -> keys.addAll(list));
        BundleWriter.write(new BundleWriter.Release(content, repo.roots, 2, repo.now.plus(Duration.ofDays(30)), keys), bundle);
    }

    private VerifiedMetadata read(Path file, Map<String, byte[]> received) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return BundleReader.read(in, repo.pinnedFirstRoot(), repo.now, t -> new ByteArrayOutputStream() {
                @Override
                public void close() {
                    received.put(t.name(), toByteArray());
                }
            });
        }
    }

    private UpdateRejectedException refused(Path file) {
        return assertThrows(UpdateRejectedException.class, () -> read(file, new HashMap<>()));
    }

    @Test
    void aBuiltBundleVerifiesAndDeliversEveryTargetExactly() throws IOException {
        Map<String, byte[]> received = new HashMap<>();
        VerifiedMetadata v = read(bundle, received);
        assertEquals(2, v.next().timestampVersion());
        assertArrayEquals("203.0.113.9\n".getBytes(StandardCharsets.UTF_8), received.get("intel/ips.txt"));
        assertEquals(2, received.size());
    }

    @Test
    void maliciousMirror_aSwappedTargetOfTheSameLengthIsRefusedByItsHash() throws IOException {
        Path tampered = BundleFiles.rewrite(bundle, dir.resolve("t.zip"), e -> {
            e.put("targets/intel/ips.txt", "198.51.100.1".getBytes(StandardCharsets.UTF_8));
            return e;
        });
        UpdateRejectedException e = refused(tampered);
        assertEquals(Rejection.MISMATCH, e.rejection());
        assertEquals("intel/ips.txt", e.file());
    }

    @Test
    void endlessData_aTargetLongerThanSignedIsCutOffAtItsLength() throws IOException {
        Path tampered = BundleFiles.rewrite(bundle, dir.resolve("t.zip"), e -> {
            e.put("targets/intel/ips.txt", new byte[50 << 20]); // compresses to almost nothing
            return e;
        });
        UpdateRejectedException e = refused(tampered);
        assertEquals(Rejection.TOO_LARGE, e.rejection());
        assertEquals("intel/ips.txt", e.file());
    }

    @Test
    void endlessData_oversizedMetadataIsRefusedAtItsBound() throws IOException {
        Path tampered = BundleFiles.rewrite(bundle, dir.resolve("t.zip"), e -> {
            Map<String, byte[]> out = new LinkedHashMap<>();
            out.put("metadata/timestamp.json", new byte[1 << 20]);
            e.forEach(out::putIfAbsent);
            return out;
        });
        UpdateRejectedException e = refused(tampered);
        assertEquals(Rejection.TOO_LARGE, e.rejection());
        assertEquals("metadata/timestamp.json", e.file());
    }

    @Test
    void endlessData_aSourceThatNeverEndsIsReadOnlyToTheBound() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        UpdateRejectedException e = assertThrows(UpdateRejectedException.class,
                () -> BoundedCopy.readAll(endless, 1000, "stream"));
        assertEquals(Rejection.TOO_LARGE, e.rejection());
    }

    @Test
    void extraneousDependencies_aFileNoSignedMetadataListsIsRefused() throws IOException {
        Path tampered = BundleFiles.rewrite(bundle, dir.resolve("t.zip"), e -> {
            e.put("targets/connectors/evil/connector.yaml", "name: evil\n".getBytes(StandardCharsets.UTF_8));
            return e;
        });
        UpdateRejectedException e = refused(tampered);
        assertEquals(Rejection.EXTRANEOUS, e.rejection());
        assertEquals("connectors/evil/connector.yaml", e.file());
    }

    @Test
    void arbitraryInstallation_aTargetMissingFromTheBundleIsRefused() throws IOException {
        Path tampered = BundleFiles.rewrite(bundle, dir.resolve("t.zip"), e -> {
            e.remove("targets/rules/a.yml");
            return e;
        });
        UpdateRejectedException e = refused(tampered);
        assertEquals(Rejection.MISSING, e.rejection());
        assertEquals("rules/a.yml", e.file());
    }

    @Test
    void targetsBeforeMetadataAreRefused() throws IOException {
        Path tampered = BundleFiles.rewrite(bundle, dir.resolve("t.zip"), e -> {
            Map<String, byte[]> out = new LinkedHashMap<>();
            out.put("targets/rules/a.yml", e.remove("targets/rules/a.yml"));
            out.putAll(e);
            return out;
        });
        UpdateRejectedException e = refused(tampered);
        assertTrue(e.rejection() == Rejection.MALFORMED || e.rejection() == Rejection.MISSING, e.getMessage());
    }

    @Test
    void somethingThatIsNotABundleIsRefusedClearly() throws IOException {
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip at all");
        UpdateRejectedException e = refused(junk);
        assertEquals(Rejection.MISSING, e.rejection());
        assertTrue(e.getMessage().contains("no timestamp metadata"), e.getMessage());
    }

    @Test
    void buildingWithoutTheTargetsKeyFailsNamingTheRole() {
        List<SigningKey> keys = new ArrayList<>(repo.keys.get(Role.SNAPSHOT));
        keys.addAll(repo.keys.get(Role.TIMESTAMP));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BundleWriter.write(
                new BundleWriter.Release(dir.resolve("content"), repo.roots, 3, repo.now.plusSeconds(60), keys), dir.resolve("x.zip")));
        assertTrue(e.getMessage().contains("targets role needs 1"), e.getMessage());
    }
}
