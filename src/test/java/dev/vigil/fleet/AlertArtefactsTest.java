package dev.vigil.fleet;

import dev.vigil.detect.MatchedField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which matched values of an alert become fleet candidates. */
class AlertArtefactsTest {

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.9", "2001:db8::1", "evil.example.com", "evil[.]example[.]com",
            "hxxps://evil.example.com/a", "http://10.1.2.3/x", "d41d8cd98f00b204e9800998ecf8427e",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
    void indicatorsAreRecognised(String value) {
        assertTrue(AlertArtefacts.isIndicator(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "lsass.exe", "C:\\Windows\\System32\\cmd.exe", "4625", "WS-0042", "svchost.dll",
            "not an indicator", "deadbeef"})
    void otherValuesAreNot(String value) {
        assertFalse(AlertArtefacts.isIndicator(value), value);
    }

    @Test
    void commandLineFieldsGiveShapesAndRepeatsAndMalformedAddressesAreDropped() {
        List<AlertArtefacts.Candidate> candidates = AlertArtefacts.derive(List.of(
                new MatchedField("CommandLine", "cmd.exe /c whoami"),
                new MatchedField("ParentCommandLine", "explorer.exe"),
                new MatchedField("DestinationIp", "203.0.113.9"),
                new MatchedField("SourceIp", "203.0.113.9"),
                new MatchedField("QueryName", "999.1.2.3"),
                new MatchedField("User", "alice")));
        assertEquals(List.of(new AlertArtefacts.Candidate(ArtefactType.PATTERN_SHAPE, "cmd.exe /c whoami"),
                new AlertArtefacts.Candidate(ArtefactType.PATTERN_SHAPE, "explorer.exe"),
                new AlertArtefacts.Candidate(ArtefactType.INDICATOR_HASH, "203.0.113.9")), candidates);
    }
}
