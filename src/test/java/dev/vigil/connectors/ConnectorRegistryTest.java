package dev.vigil.connectors;

import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorRegistryTest {

    private static final ConnectorRegistry SHIPPED = ConnectorRegistry.load(Path.of("connectors"));

    @Test
    void nameMustEqualFolder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("alpha"));
        Files.writeString(dir.resolve("alpha/connector.yaml"), "name: beta\nparser: {name: json}\n");
        ConnectorSpecException e = assertThrows(ConnectorSpecException.class, () -> ConnectorRegistry.load(dir));
        assertTrue(e.getMessage().endsWith("name 'beta' differs from its folder 'alpha'"), e.getMessage());
    }

    @Test
    void foldersWithoutSpecAreIgnored(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("notes"));
        Files.createDirectories(dir.resolve("one"));
        Files.writeString(dir.resolve("one/connector.yaml"), "name: one\nparser: {name: json}\n");
        assertEquals(List.of("one"), ConnectorRegistry.load(dir).names());
    }

    @Test
    void zeekSamplesGiveTheSameFieldsInBothFormats() throws IOException {
        ConnectorTester tester = new ConnectorTester(TenantId.of("t"), Instant.parse("2025-03-03T11:30:00Z"));
        List<TestedRecord> json = tester.test(SHIPPED.get("zeek-json"), Files.readString(Path.of("connectors/zeek-json/sample")));
        List<TestedRecord> tsv = tester.test(SHIPPED.get("zeek-tsv"), Files.readString(Path.of("connectors/zeek-tsv/sample")));
        assertEquals(json.size(), tsv.size());
        for (int i = 0; i < json.size(); i++) {
            NormalizedEvent a = json.get(i).event();
            NormalizedEvent b = tsv.get(i).event();
            assertEquals(a.hasParseError(), b.hasParseError(), "record " + i);
            assertEquals(a.fields(), b.fields(), "record " + i);
            assertEquals(a.timestamp(), b.timestamp(), "record " + i);
        }
    }

    @Test
    void testerReportsTheLineEachRecordStartsOn() {
        ConnectorTester tester = new ConnectorTester(TenantId.of("t"), Instant.EPOCH);
        List<TestedRecord> records = tester.test(SHIPPED.get("generic-json"), "\n{\"a\":\n 1}\n\n[{\"b\":2},\n{\"c\":3}]\n");
        assertEquals(List.of(2, 5, 6), records.stream().map(TestedRecord::lineNumber).toList());
    }
}
