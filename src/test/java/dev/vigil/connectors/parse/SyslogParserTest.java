package dev.vigil.connectors.parse;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyslogParserTest {

    private static final ParseContext JUNE_2024_UTC = ParseContext.utc(Instant.parse("2024-06-15T12:00:00Z"));

    private final SyslogParser parser = new SyslogParser();

    private Map<String, Object> parse(String line) throws RecordParseException {
        return parser.parse(line, JUNE_2024_UTC);
    }

    // ---- RFC 5424 section 6.5, the RFC's own examples ----

    @Test
    void rfc5424Example1ReadsEveryHeaderFieldAndDropsTheBom() throws Exception {
        Map<String, Object> f = parse(
                "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8");
        assertEquals("rfc5424", f.get("syslog.format"));
        assertEquals(34L, f.get("syslog.priority"));
        assertEquals(4L, f.get("syslog.facility"));
        assertEquals("auth", f.get("syslog.facility_name"));
        assertEquals(2L, f.get("syslog.severity"));
        assertEquals("crit", f.get("syslog.severity_name"));
        assertEquals(1L, f.get("syslog.version"));
        assertEquals("2003-10-11T22:14:15.003Z", f.get("syslog.timestamp"));
        assertEquals("mymachine.example.com", f.get("syslog.hostname"));
        assertEquals("su", f.get("syslog.appname"));
        assertEquals("ID47", f.get("syslog.msgid"));
        assertEquals("'su root' failed for lonvick on /dev/pts/8", f.get("message"));
    }

    @Test
    void rfc5424NilProcidIsLeftOutRatherThanStoredAsDash() throws Exception {
        Map<String, Object> f = parse("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - msg");
        assertFalse(f.containsKey("syslog.procid"));
    }

    @Test
    void rfc5424Example2ConvertsTheNegativeOffsetAndKeepsMicroseconds() throws Exception {
        Map<String, Object> f = parse(
                "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.");
        assertEquals("2003-08-24T12:14:15.000003Z", f.get("syslog.timestamp"));
        assertEquals("local4", f.get("syslog.facility_name"));
        assertEquals("notice", f.get("syslog.severity_name"));
        assertEquals("192.0.2.1", f.get("syslog.hostname"));
        assertEquals("myproc", f.get("syslog.appname"));
        assertEquals("8710", f.get("syslog.procid"));
        assertFalse(f.containsKey("syslog.msgid"));
        assertEquals("%% It's time to make the do-nuts.", f.get("message"));
    }

    @Test
    void rfc5424Example3ReadsStructuredDataParamsAndMessage() throws Exception {
        Map<String, Object> f = parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] \uFEFFAn application event log entry...");
        assertEquals("3", f.get("syslog.sd.exampleSDID@32473.iut"));
        assertEquals("Application", f.get("syslog.sd.exampleSDID@32473.eventSource"));
        assertEquals("1011", f.get("syslog.sd.exampleSDID@32473.eventID"));
        assertEquals("An application event log entry...", f.get("message"));
    }

    @Test
    void rfc5424Example4ReadsSeveralElementsAndHasNoMessage() throws Exception {
        Map<String, Object> f = parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 class=\"high\"]");
        assertEquals("1011", f.get("syslog.sd.exampleSDID@32473.eventID"));
        assertEquals("high", f.get("syslog.sd.examplePriority@32473.class"));
        assertFalse(f.containsKey("message"));
    }

    @Test
    void structuredDataValuesUnescapeQuoteBackslashAndBracket() throws Exception {
        Map<String, Object> f = parse("<14>1 - host app - - [x@1 a=\"say \\\"hi\\\"\" b=\"C:\\\\dir\" c=\"[1\\]\" d=\"a\\nb\"]");
        assertEquals("say \"hi\"", f.get("syslog.sd.x@1.a"));
        assertEquals("C:\\dir", f.get("syslog.sd.x@1.b"));
        assertEquals("[1]", f.get("syslog.sd.x@1.c"));
        assertEquals("a\\nb", f.get("syslog.sd.x@1.d"), "a backslash before any other character is kept");
    }

    @Test
    void repeatedStructuredDataParamBecomesAList() throws Exception {
        Map<String, Object> f = parse("<14>1 - host app - - [origin ip=\"192.0.2.1\" ip=\"192.0.2.129\"]");
        assertEquals(List.of("192.0.2.1", "192.0.2.129"), f.get("syslog.sd.origin.ip"));
    }

    @Test
    void rfc5424NilTimestampIsLeftOut() throws Exception {
        Map<String, Object> f = parse("<14>1 - - - - - -");
        assertFalse(f.containsKey("syslog.timestamp"));
        assertFalse(f.containsKey("syslog.hostname"));
        assertFalse(f.containsKey("message"));
    }

    @Test
    void rfc3339ExamplesWithFractionsAndOffsetsNameTheSameInstant() throws Exception {
        assertEquals("1985-04-12T23:20:50.520Z", parse("<14>1 1985-04-12T23:20:50.52Z h a - - -").get("syslog.timestamp"));
        assertEquals("1985-04-12T23:20:50.520Z", parse("<14>1 1985-04-12T19:20:50.52-04:00 h a - - -").get("syslog.timestamp"));
    }

    @Test
    void rfc5424RejectsFractionsBeyondMicroseconds() {
        RecordParseException e = assertThrows(RecordParseException.class,
                () -> parse("<165>1 2003-08-24T05:14:15.000000003-07:00 192.0.2.1 myproc 8710 - - x"));
        assertTrue(e.getMessage().contains("9 fraction digits"), e.getMessage());
    }

    @Test
    void rfc5424RejectsLeapSecond() {
        RecordParseException e = assertThrows(RecordParseException.class,
                () -> parse("<165>1 1990-12-31T23:59:60Z host app - - - x"));
        assertTrue(e.getMessage().contains("1990-12-31T23:59:60Z"), e.getMessage());
    }

    @Test
    void rfc5424RejectsTimestampWithoutOffset() {
        assertThrows(RecordParseException.class, () -> parse("<165>1 2003-10-11T22:14:15 host app - - - x"));
    }

    @Test
    void spaceBetweenElementsEndsStructuredDataAndStartsTheMessage() throws Exception {
        Map<String, Object> f = parse("<165>1 - h a - - [a@1 x=\"1\"] [b@1 y=\"2\"]");
        assertEquals("1", f.get("syslog.sd.a@1.x"));
        assertEquals("[b@1 y=\"2\"]", f.get("message"));
    }

    @Test
    void emptySdIdIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class,
                () -> parse("<165>1 - h a - - [ exampleSDID@32473 iut=\"3\"]"));
        assertTrue(e.getMessage().contains("empty SD-ID"), e.getMessage());
    }

    @Test
    void unclosedParamValueIsRejectedNamingTheParam() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("<165>1 - h a - - [a@1 x=\"1]"));
        assertTrue(e.getMessage().contains("a@1.x"), e.getMessage());
    }

    @Test
    void unclosedElementIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("<165>1 - h a - - [a@1 x=\"1\""));
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
    }

    @Test
    void structuredDataThatIsNeitherNilNorElementIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("<165>1 - h a - - hello"));
        assertTrue(e.getMessage().contains("STRUCTURED-DATA"), e.getMessage());
    }

    @Test
    void truncatedRfc5424HeaderNamesTheMissingField() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("<165>1 - host app"));
        assertTrue(e.getMessage().contains("APP-NAME"), e.getMessage());
    }

    // ---- PRI ----

    @Test
    void priAboveRangeIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("<999>Oct 11 22:14:15 host x"));
        assertEquals("PRI <999> out of range 0-191", e.getMessage());
    }

    @Test
    void nonNumericPriIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("<ab>Oct 11 22:14:15 host x"));
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
    }

    @Test
    void unclosedPriIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("<13 Oct 11 22:14:15 host x"));
        assertTrue(e.getMessage().contains("'>'"), e.getMessage());
    }

    @Test
    void priZeroIsKernelEmergency() throws Exception {
        Map<String, Object> f = parse("<0>Oct 11 22:14:15 host kernel: panic");
        assertEquals("kern", f.get("syslog.facility_name"));
        assertEquals("emerg", f.get("syslog.severity_name"));
    }

    @Test
    void pri191IsLocal7Debug() throws Exception {
        Map<String, Object> f = parse("<191>Oct 11 22:14:15 host app: x");
        assertEquals(23L, f.get("syslog.facility"));
        assertEquals("local7", f.get("syslog.facility_name"));
        assertEquals("debug", f.get("syslog.severity_name"));
    }

    @Test
    void emptyMessageIsRejected() {
        assertThrows(RecordParseException.class, () -> parse("  \r\n"));
    }

    // ---- RFC 3164 section 5.4, the RFC's own examples ----

    @Test
    void rfc3164Example1ReadsHostnameTagAndContent() throws Exception {
        Map<String, Object> f = parser.parse("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
                ParseContext.utc(Instant.parse("2003-10-11T22:14:20Z")));
        assertEquals("rfc3164", f.get("syslog.format"));
        assertEquals(34L, f.get("syslog.priority"));
        assertEquals("2003-10-11T22:14:15Z", f.get("syslog.timestamp"));
        assertEquals("mymachine", f.get("syslog.hostname"));
        assertEquals("su", f.get("syslog.appname"));
        assertEquals("'su root' failed for lonvick on /dev/pts/8", f.get("message"));
    }

    @Test
    void rfc3164Example2HasSpacePaddedDayAndNoTag() throws Exception {
        Map<String, Object> f = parser.parse("<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!",
                ParseContext.utc(Instant.parse("2004-02-05T17:40:00Z")));
        assertEquals("2004-02-05T17:32:18Z", f.get("syslog.timestamp"));
        assertEquals("10.0.0.99", f.get("syslog.hostname"));
        assertFalse(f.containsKey("syslog.appname"));
        assertEquals("Use the BFG!", f.get("message"));
    }

    @Test
    void rfc3164LineWithoutTimestampIsAllMessage() throws Exception {
        Map<String, Object> f = parse("<0>1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!");
        assertFalse(f.containsKey("syslog.timestamp"));
        assertFalse(f.containsKey("syslog.hostname"));
        assertEquals("1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!", f.get("message"));
    }

    @Test
    void tagWithPidGivesAppnameAndProcid() throws Exception {
        Map<String, Object> f = parse("<38>Jun 15 11:59:01 web01 sshd[4211]: Accepted publickey for deploy from 192.0.2.7 port 52144 ssh2");
        assertEquals("web01", f.get("syslog.hostname"));
        assertEquals("sshd", f.get("syslog.appname"));
        assertEquals("4211", f.get("syslog.procid"));
        assertEquals("Accepted publickey for deploy from 192.0.2.7 port 52144 ssh2", f.get("message"));
    }

    @Test
    void tagWithSlashInNameIsRead() throws Exception {
        Map<String, Object> f = parse("<22>Jun 15 11:59:01 mx1 postfix/smtpd[812]: connect from unknown[192.0.2.1]");
        assertEquals("postfix/smtpd", f.get("syslog.appname"));
        assertEquals("812", f.get("syslog.procid"));
        assertEquals("connect from unknown[192.0.2.1]", f.get("message"));
    }

    // ---- year inference ----

    @Test
    void decemberMessageReceivedOnNewYearsDayBelongsToThePreviousYear() throws Exception {
        Map<String, Object> f = parser.parse("<13>Dec 31 23:59:58 host app: x",
                ParseContext.utc(Instant.parse("2025-01-01T00:00:03Z")));
        assertEquals("2024-12-31T23:59:58Z", f.get("syslog.timestamp"));
    }

    @Test
    void newYearsMessageFromAFastClockReceivedOnDecember31stBelongsToTheNextYear() throws Exception {
        Map<String, Object> f = parser.parse("<13>Jan  1 00:00:05 host app: x",
                ParseContext.utc(Instant.parse("2024-12-31T23:59:50Z")));
        assertEquals("2025-01-01T00:00:05Z", f.get("syslog.timestamp"));
    }

    @Test
    void timestampMoreThanADayAheadIsPlacedInThePreviousYear() throws Exception {
        Map<String, Object> f = parse("<13>Jun 17 12:00:00 host app: x");
        assertEquals("2023-06-17T12:00:00Z", f.get("syslog.timestamp"));
    }

    @Test
    void timestampLessThanADayAheadStaysInTheReceiveYear() throws Exception {
        Map<String, Object> f = parse("<13>Jun 16 11:00:00 host app: x");
        assertEquals("2024-06-16T11:00:00Z", f.get("syslog.timestamp"));
    }

    @Test
    void february29thInANonLeapYearGoesBackToTheLastLeapYear() throws Exception {
        Map<String, Object> f = parser.parse("<13>Feb 29 10:00:00 host app: x",
                ParseContext.utc(Instant.parse("2025-03-01T00:00:00Z")));
        assertEquals("2024-02-29T10:00:00Z", f.get("syslog.timestamp"));
    }

    @Test
    void impossibleDayIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("<13>Feb 30 10:00:00 host app: x"));
        assertTrue(e.getMessage().contains("Feb 30 10:00:00"), e.getMessage());
    }

    @Test
    void bsdTimestampIsReadInTheConfiguredZone() throws Exception {
        Map<String, Object> f = parser.parse("<13>Jun 15 10:00:00 host app: x",
                new ParseContext(Instant.parse("2024-06-15T09:00:00Z"), ZoneId.of("Europe/Berlin")));
        assertEquals("2024-06-15T08:00:00Z", f.get("syslog.timestamp"));
    }

    @Test
    void bsdTimestampWithExplicitYearAndMillisecondsIsRead() throws Exception {
        Map<String, Object> f = parse("<189>Jun 15 2022 10:00:00.123 asa01 %ASA-5-111008: User 'enable_15' executed the 'write memory' command.");
        assertEquals("2022-06-15T10:00:00.123Z", f.get("syslog.timestamp"));
        assertEquals("asa01", f.get("syslog.hostname"));
        assertEquals("%ASA-5-111008", f.get("syslog.appname"));
    }

    // ---- forms real senders emit ----

    @Test
    void localFileLineWithoutPriIsRead() throws Exception {
        Map<String, Object> f = parse("Jun 15 11:58:12 bastion sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id");
        assertFalse(f.containsKey("syslog.priority"));
        assertEquals("2024-06-15T11:58:12Z", f.get("syslog.timestamp"));
        assertEquals("bastion", f.get("syslog.hostname"));
        assertEquals("sudo", f.get("syslog.appname"));
        assertEquals("   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id", f.get("message"));
    }

    @Test
    void rsyslogHighPrecisionTimestampInBsdShapedLineIsRead() throws Exception {
        Map<String, Object> f = parse("2024-06-15T13:58:12.123456+02:00 bastion sshd[1022]: Failed password for root from 203.0.113.9 port 4242 ssh2");
        assertEquals("2024-06-15T11:58:12.123456Z", f.get("syslog.timestamp"));
        assertEquals("bastion", f.get("syslog.hostname"));
        assertEquals("sshd", f.get("syslog.appname"));
        assertEquals("1022", f.get("syslog.procid"));
    }

    @Test
    void rfc3339TimestampAfterPriInBsdShapedLineIsRead() throws Exception {
        Map<String, Object> f = parse("<86>2024-06-15T11:58:12Z bastion CRON[77]: pam_unix(cron:session): session opened for user root");
        assertEquals("rfc3164", f.get("syslog.format"));
        assertEquals("2024-06-15T11:58:12Z", f.get("syslog.timestamp"));
        assertEquals("CRON", f.get("syslog.appname"));
        assertEquals("pam_unix(cron:session): session opened for user root", f.get("message"));
    }

    @Test
    void missingHostnameIsRecognisedByTheTagShape() throws Exception {
        Map<String, Object> f = parse("<34>Oct 11 22:14:15 su: 'su root' failed for lonvick on /dev/pts/8");
        assertFalse(f.containsKey("syslog.hostname"));
        assertEquals("su", f.get("syslog.appname"));
        assertEquals("'su root' failed for lonvick on /dev/pts/8", f.get("message"));
    }

    @Test
    void missingHostnameWithPidTagIsRecognised() throws Exception {
        Map<String, Object> f = parse("<30>Jun 15 11:00:00 systemd[1]: Started Session 4 of user alice.");
        assertFalse(f.containsKey("syslog.hostname"));
        assertEquals("systemd", f.get("syslog.appname"));
        assertEquals("1", f.get("syslog.procid"));
    }

    @Test
    void lineWithoutTimestampStillYieldsTagAndMessage() throws Exception {
        Map<String, Object> f = parse("<13>myapp[99]: started");
        assertEquals("myapp", f.get("syslog.appname"));
        assertEquals("99", f.get("syslog.procid"));
        assertEquals("started", f.get("message"));
    }

    @Test
    void trailingLineTerminatorIsNotPartOfTheMessage() throws Exception {
        assertEquals("hello", parse("<13>Jun 15 11:00:00 host app: hello\r\n").get("message"));
    }

    @Test
    void priFollowedByZeroIsNotAVersion() throws Exception {
        Map<String, Object> f = parse("<13>0 things happened");
        assertEquals("rfc3164", f.get("syslog.format"));
        assertEquals("0 things happened", f.get("message"));
    }
}
