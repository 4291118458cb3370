package dev.vigil.connectors;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorFramingTest {

    private static List<Framed> json(String text) {
        RecordFramer framer = new JsonFramer(null);
        List<Framed> out = new java.util.ArrayList<>();
        int line = 0;
        for (String l : text.split("\n", -1)) {
            out.addAll(framer.frame(l, ++line));
        }
        out.addAll(framer.finish());
        return out;
    }

    @Test
    void ndjsonGivesOneRecordPerLine() {
        assertEquals(List.of(new Framed(1, "{\"a\":1}"), new Framed(3, "{\"b\":2}")), json("{\"a\":1}\n\n{\"b\":2}"));
    }

    @Test
    void prettyPrintedObjectIsOneRecordStartingAtItsFirstLine() {
        List<Framed> records = json("{\n  \"a\": \"}{\",\n  \"b\": {\"c\": [1]}\n}\n{\"d\":1}");
        assertEquals(2, records.size());
        assertEquals(1, records.get(0).lineNumber());
        assertEquals("{\n  \"a\": \"}{\",\n  \"b\": {\"c\": [1]}\n}", records.get(0).payload());
        assertEquals(5, records.get(1).lineNumber());
    }

    @Test
    void topLevelArrayIsSplitIntoElements() {
        assertEquals(List.of(new Framed(1, "{\"a\":1}"), new Framed(1, "{\"a\":\"]\\\"\"}"), new Framed(2, "{\"a\":3}")),
                json("[{\"a\":1}, {\"a\":\"]\\\"\"},\n {\"a\":3}]"));
    }

    @Test
    void recordsPathSplitsCloudTrailFiles() {
        RecordFramer framer = new JsonFramer("Records");
        assertEquals(List.of(new Framed(1, "{\"x\":1}"), new Framed(1, "{\"x\":2}")),
                framer.frame("{\"Records\":[{\"x\":1},{\"x\":2}]}", 1));
    }

    @Test
    void textThatIsNotJsonIsKeptAsARecord() {
        assertEquals(List.of(new Framed(1, "garbage here")), json("garbage here"));
    }

    @Test
    void unterminatedValueIsReportedAtTheEnd() {
        assertEquals(List.of(new Framed(2, "{\"a\":\n")), json("\n{\"a\":\n"));
    }

    @Test
    void lineFramingSkipsBlankLinesAndCarriageReturns() {
        PlainLineFramer framer = new PlainLineFramer();
        assertEquals(List.of(), framer.frame("  ", 1));
        assertEquals("x", framer.accept("x\r"));
    }

    @Test
    void zeekFramerCarriesHeadersIntoEachRecord() {
        ZeekTsvFramer framer = new ZeekTsvFramer();
        assertEquals(null, framer.accept("#separator \\x09"));
        framer.accept("#fields\tts\tuid");
        framer.accept("#open\t2024");
        String payload = framer.accept("1.5\tC1");
        assertEquals("#separator \\x09\n#fields\tts\tuid\n1.5\tC1", payload);
        assertTrue(framer.needsReplayOnResume());
    }

    @Test
    void acceptAllReturnsEveryRecordALineCompletes() {
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}"), new JsonFramer(null).acceptAll("{\"a\":1}{\"b\":2}"));
    }
}
