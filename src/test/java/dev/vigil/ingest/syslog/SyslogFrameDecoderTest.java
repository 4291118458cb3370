package dev.vigil.ingest.syslog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SyslogFrameDecoderTest {

    private static List<String> feed(SyslogFrameDecoder d, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return d.feed(b, 0, b.length);
    }

    @Test
    void newlineFramedMessagesSplitAtLf() {
        assertEquals(List.of("<13>a", "<13>b"), feed(new SyslogFrameDecoder(1024), "<13>a\n<13>b\n"));
    }

    @Test
    void crlfAndNulAlsoEndAMessage() {
        assertEquals(List.of("<13>a", "<13>b"), feed(new SyslogFrameDecoder(1024), "<13>a\r\n<13>b\0"));
    }

    @Test
    void octetCountedFramesSplitAtDeclaredLength() {
        // the second message contains a newline, which octet counting carries transparently
        assertEquals(List.of("<13>hello", "<13>two\nlines"),
                feed(new SyslogFrameDecoder(1024), "9 <13>hello13 <13>two\nlines"));
    }

    @Test
    void framingIsDecidedPerMessage() {
        assertEquals(List.of("<13>counted", "<13>plain"),
                feed(new SyslogFrameDecoder(1024), "11 <13>counted<13>plain\n"));
    }

    @Test
    void messagesSplitAcrossReadsAreReassembled() {
        SyslogFrameDecoder d = new SyslogFrameDecoder(1024);
        List<String> out = new ArrayList<>(feed(d, "9 <13>he"));
        out.addAll(feed(d, "llo<13>pla"));
        out.addAll(feed(d, "in\n"));
        assertEquals(List.of("<13>hello", "<13>plain"), out);
    }

    @Test
    void digitsNotFollowedBySpaceStartAnOrdinaryLine() {
        assertEquals(List.of("2026-11-22 something happened"),
                feed(new SyslogFrameDecoder(1024), "2026-11-22 something happened\n"));
    }

    @Test
    void aPartialMessageAtCloseIsReturnedByFinish() {
        SyslogFrameDecoder d = new SyslogFrameDecoder(1024);
        assertEquals(List.of(), feed(d, "<13>no newline"));
        assertEquals("<13>no newline", d.finish());
        assertNull(d.finish());
    }

    @Test
    void oversizedLinesAreCutCountedAndTheirRestDiscarded() {
        SyslogFrameDecoder d = new SyslogFrameDecoder(64);
        List<String> out = feed(d, "x".repeat(100) + "\n<13>next\n");
        assertEquals(2, out.size());
        assertEquals(64, out.getFirst().length());
        assertEquals("<13>next", out.get(1));
        assertEquals(1, d.oversized());
    }
}
