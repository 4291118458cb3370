package dev.vigil.connectors;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorSpecErrorsTest {

    private static final Path FILE = Path.of("connectors/x/connector.yaml");

    private static ConnectorSpecException failure(String yaml) {
        return assertThrows(ConnectorSpecException.class,
                () -> Connector.compile(ConnectorSpecReader.parse(FILE, yaml), ParserRegistry.standard()));
    }

    @Test
    void unknownKeyNamesFileLineAndKey() {
        ConnectorSpecException e = failure("name: x\nparser: {name: json}\ntimestmp: ts\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(FILE + ":3: unknown key 'timestmp'"), e.getMessage());
    }

    @Test
    void badRegularExpressionNamesItsLine() {
        ConnectorSpecException e = failure("""
                name: x
                parser: {name: syslog}
                steps:
                  - field: message
                    patterns:
                      - match: '(?<user.name>\\S+'
                """);
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("bad regular expression"), e.getMessage());
    }

    @Test
    void unknownParserListsKnownOnes() {
        ConnectorSpecException e = failure("name: x\nparser: {name: grok}\n");
        assertTrue(e.getMessage().contains("unknown parser 'grok'; known: auditd, cef, json"), e.getMessage());
    }

    @Test
    void unknownTypeNamesField() {
        ConnectorSpecException e = failure("name: x\nparser: {name: json}\ntypes:\n  a: long\n  b: integer\n");
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("unknown type 'integer' for 'b'"), e.getMessage());
    }

    @Test
    void missingParserIsReported() {
        ConnectorSpecException e = failure("name: x\n");
        assertTrue(e.getMessage().contains("missing 'parser'"), e.getMessage());
    }

    @Test
    void recordsPathNeedsJsonFraming() {
        ConnectorSpecException e = failure("name: x\nframing: line\nrecords_path: Records\nparser: {name: json}\n");
        assertEquals(3, e.line());
    }

    @Test
    void invalidYamlNamesItsLine() {
        ConnectorSpecException e = failure("name: x\nparser: {name: json\n");
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }
}
