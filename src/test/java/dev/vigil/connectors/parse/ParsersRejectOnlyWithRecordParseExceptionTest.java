package dev.vigil.connectors.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The {@link RecordParser} contract on damaged input: every prefix of a valid record (what a cut connection or a
 * truncated file leaves) either parses into a flat map of allowed value types or raises {@link RecordParseException},
 * never another exception.
 */
class ParsersRejectOnlyWithRecordParseExceptionTest {

    private static final ParseContext CONTEXT = ParseContext.utc(Instant.parse("2024-06-15T12:00:00Z"));

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(new SyslogParser(), "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                        + "[exampleSDID@32473 iut=\"3\" eventSource=\"App\\]\" eventID=\"1011\"][examplePriority@32473 class=\"high\"] \uFEFFmsg"),
                Arguments.of(new SyslogParser(), "<34>Oct 11 22:14:15 mymachine su[12]: 'su root' failed for lonvick"),
                Arguments.of(new SyslogParser(), "2024-06-15T13:58:12.123456+02:00 bastion sshd[1022]: Failed password"),
                Arguments.of(new AuditdParser(), "node=n1 type=USER_CMD msg=audit(1700000000.200:4570): pid=2001 "
                        + "msg='cwd=\"/home/alice\" cmd=6C73202D6C61 exe=\"/usr/bin/sudo\" res=success'\u001dUID=\"root\""),
                Arguments.of(new AuditdParser(), "type=EXECVE msg=audit(1700000000.123:4567): argc=2 a0=\"ls\" a1[0]=2F74 a1[1]=6D70"),
                Arguments.of(new CefParser(), "<134>Sep 19 08:26:10 host CEF:0|security|threat\\|manager|1.0|100|worm|10|"
                        + "src=10.0.0.1 act=blocked a \\= b msg=line\\nnext request=http://x/?a=b"),
                Arguments.of(new LeefParser(), "LEEF:2.0|Lancope|StealthWatch|1.0|41|x5E|src=10.0.1.8^dst=10.0.0.5"),
                Arguments.of(new KeyValueParser(), "a=1 b=\"two \\\"words\\\"\" c='x y' d= e=f=g"),
                Arguments.of(new JsonRecordParser(6), "{\"a\":{\"b\":[1,2.5,\"x\",{\"c\":null}]},\"d\":true,\"e\":\"}\\\"{\",\"f\":1e400}"),
                Arguments.of(new ZeekTsvParser(), "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n"
                        + "#path\tdns\n#fields\tts\tid.orig_p\trtt\tAA\tanswers\tquery\n"
                        + "#types\ttime\tport\tinterval\tbool\tvector[string]\tstring\n"
                        + "1521911720.865716\t41772\t0.000870\tF\ta,b\tx\\x2dy"),
                Arguments.of(new WindowsEventParser(), "{\"Event\":{\"System\":{\"EventID\":{\"#attributes\":{\"Qualifiers\":0},"
                        + "\"#text\":4624},\"Channel\":\"Security\"},\"EventData\":{\"TargetUserName\":\"bob\"}}}"),
                Arguments.of(new WindowsEventParser(), "{\"EventID\":4688,\"Channel\":\"Security\",\"Hostname\":\"h\","
                        + "\"NewProcessName\":\"C:\\\\x.exe\",\"RecordNumber\":\"12\"}"));
    }

    @ParameterizedTest
    @MethodSource("records")
    void everyPrefixParsesOrIsRejectedWithAReason(RecordParser parser, String record) {
        for (int length = 0; length <= record.length(); length++) {
            String prefix = record.substring(0, length);
            try {
                Map<String, Object> fields = parser.parse(prefix, CONTEXT);
                assertNotNull(fields);
                fields.forEach((key, value) -> assertAllowed(prefix, key, value));
            } catch (RecordParseException e) {
                assertNotNull(e.getMessage(), "rejection without a reason for '" + prefix + "'");
            } catch (RuntimeException e) {
                fail(parser.getClass().getSimpleName() + " threw " + e + " for '" + prefix + "'");
            }
        }
    }

    private static void assertAllowed(String input, String key, Object value) {
        boolean scalar = value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean;
        boolean list = value instanceof List<?> values && values.stream().allMatch(v -> v instanceof String
                || v instanceof Long || v instanceof Double || v instanceof Boolean);
        if (!scalar && !list) {
            fail("field " + key + " has a value of type " + (value == null ? "null" : value.getClass()) + " for '" + input + "'");
        }
    }
}
