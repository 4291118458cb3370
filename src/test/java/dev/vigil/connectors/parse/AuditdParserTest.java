package dev.vigil.connectors.parse;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditdParserTest {

    private static final ParseContext CONTEXT = ParseContext.utc(Instant.parse("2023-11-14T22:14:00Z"));

    private final AuditdParser parser = new AuditdParser();

    private Map<String, Object> parse(String line) throws RecordParseException {
        return parser.parse(line, CONTEXT);
    }

    private static final String SYSCALL = "type=SYSCALL msg=audit(1700000000.123:4567): arch=c000003e syscall=59 "
            + "success=yes exit=0 a0=55d0c2a3e0a0 a1=55d0c2a3e120 a2=55d0c2a3e170 a3=8 items=2 ppid=1234 pid=1240 "
            + "auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"ls\" "
            + "exe=\"/usr/bin/ls\" subj=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 key=(null)";

    @Test
    void headerGivesTypeTimestampAndSerial() throws Exception {
        Map<String, Object> f = parse(SYSCALL);
        assertEquals("SYSCALL", f.get("type"));
        assertEquals("2023-11-14T22:13:20.123Z", f.get("audit.timestamp"));
        assertEquals(4567L, f.get("audit.serial"));
    }

    @Test
    void everyKeyIsKeptAsWrittenWithQuotesRemoved() throws Exception {
        Map<String, Object> f = parse(SYSCALL);
        assertEquals("c000003e", f.get("arch"));
        assertEquals("59", f.get("syscall"));
        assertEquals("ls", f.get("comm"));
        assertEquals("/usr/bin/ls", f.get("exe"));
        assertEquals("(null)", f.get("key"));
        assertEquals("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023", f.get("subj"));
    }

    @Test
    void syscallArgumentsAreNumbersNotText() throws Exception {
        assertEquals("55d0c2a3e0a0", parse(SYSCALL).get("a0"));
    }

    @Test
    void nodePrefixIsReadAsNode() throws Exception {
        Map<String, Object> f = parse("node=web01.example.com " + SYSCALL);
        assertEquals("web01.example.com", f.get("node"));
        assertEquals("SYSCALL", f.get("type"));
    }

    @Test
    void syslogHeaderAddedByAForwarderIsIgnored() throws Exception {
        Map<String, Object> f = parse("Nov 14 22:13:20 web01 audispd: node=web01 " + SYSCALL);
        assertEquals("web01", f.get("node"));
        assertEquals(4567L, f.get("audit.serial"));
        assertEquals("/usr/bin/ls", f.get("exe"));
    }

    @Test
    void execveHexArgumentIsDecodedAndQuotedOnesAreKept() throws Exception {
        Map<String, Object> f = parse("type=EXECVE msg=audit(1700000000.123:4567): argc=3 a0=\"ls\" a1=\"-la\" a2=2F746D702F6D7920646972");
        assertEquals("ls", f.get("a0"));
        assertEquals("-la", f.get("a1"));
        assertEquals("/tmp/my dir", f.get("a2"));
        assertEquals("3", f.get("argc"));
    }

    @Test
    void execveArgumentSplitIntoPartsIsJoined() throws Exception {
        Map<String, Object> f = parse("type=EXECVE msg=audit(1700000000.123:4567): argc=2 a0=\"echo\" a1_len=8 "
                + "a1[0]=2F746D70 a1[1]=2F612062");
        assertEquals("/tmp/a b", f.get("a1"));
        assertEquals("8", f.get("a1_len"));
    }

    @Test
    void proctitleIsDecodedWithArgumentSeparatorsAsSpaces() throws Exception {
        Map<String, Object> f = parse("type=PROCTITLE msg=audit(1700000000.123:4567): proctitle=6C73002D6C61002F746D702F6D7920646972");
        assertEquals("ls -la /tmp/my dir", f.get("proctitle"));
    }

    @Test
    void unquotedHexInUntrustedFieldIsDecoded() throws Exception {
        Map<String, Object> f = parse("type=PATH msg=audit(1700000000.123:4567): item=0 name=2F746D702F6D7920646972 "
                + "inode=1234 dev=fd:00 mode=0100644 nametype=NORMAL");
        assertEquals("/tmp/my dir", f.get("name"));
        assertEquals("0100644", f.get("mode"));
    }

    @Test
    void upperCaseHexLookingNumberOutsideUntrustedFieldsIsNotDecoded() throws Exception {
        Map<String, Object> f = parse("type=SYSCALL msg=audit(1700000000.123:4567): exit=4096 ses=4294967295");
        assertEquals("4096", f.get("exit"));
    }

    @Test
    void multipleKeysInOneHexKeyBecomeAList() throws Exception {
        Map<String, Object> f = parse("type=SYSCALL msg=audit(1700000000.123:4567): syscall=59 key=657865630170657273697374656E6365");
        assertEquals(List.of("exec", "persistence"), f.get("key"));
    }

    @Test
    void nestedUserMessageIsReadAsPairsWithHexDecoded() throws Exception {
        Map<String, Object> f = parse("type=USER_CMD msg=audit(1700000000.200:4570): pid=2001 uid=1000 auid=1000 ses=3 "
                + "subj=unconfined msg='cwd=\"/home/alice\" cmd=6C73202D6C61202F726F6F74 exe=\"/usr/bin/sudo\" terminal=pts/0 res=success'");
        assertEquals("USER_CMD", f.get("type"));
        assertEquals("2001", f.get("pid"));
        assertEquals("/home/alice", f.get("cwd"));
        assertEquals("ls -la /root", f.get("cmd"));
        assertEquals("/usr/bin/sudo", f.get("exe"));
        assertEquals("success", f.get("res"));
        assertFalse(f.containsKey("msg"));
    }

    @Test
    void failedPamAuthenticationKeepsAccountAndAddress() throws Exception {
        Map<String, Object> f = parse("type=USER_AUTH msg=audit(1700000001.000:4571): pid=3001 uid=0 auid=4294967295 "
                + "ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=PAM:authentication grantors=? "
                + "acct=\"root\" exe=\"/usr/sbin/sshd\" hostname=203.0.113.9 addr=203.0.113.9 terminal=ssh res=failed'");
        assertEquals("PAM:authentication", f.get("op"));
        assertEquals("root", f.get("acct"));
        assertEquals("203.0.113.9", f.get("addr"));
        assertEquals("failed", f.get("res"));
    }

    @Test
    void nestedMessageWithoutPairsIsKeptAsMsg() throws Exception {
        Map<String, Object> f = parse("type=DAEMON_START msg=audit(1700000001.000:1): msg='auditd started'");
        assertEquals("auditd started", f.get("msg"));
    }

    @Test
    void enrichedSectionAddsUpperCaseKeys() throws Exception {
        Map<String, Object> f = parse(SYSCALL.replace("key=(null)", "key=\"exec\"")
                + "\u001dARCH=x86_64 SYSCALL=execve AUID=\"alice\" UID=\"root\" GID=\"root\"");
        assertEquals("exec", f.get("key"));
        assertEquals("execve", f.get("SYSCALL"));
        assertEquals("x86_64", f.get("ARCH"));
        assertEquals("alice", f.get("AUID"));
        assertEquals("root", f.get("UID"));
        assertEquals("0", f.get("uid"));
    }

    @Test
    void avcProseBetweenPairsIsSkipped() throws Exception {
        Map<String, Object> f = parse("type=AVC msg=audit(1700000002.500:4600): avc:  denied  { read } for  pid=812 "
                + "comm=\"httpd\" name=\"shadow\" dev=\"dm-0\" ino=1234 scontext=system_u:system_r:httpd_t:s0 "
                + "tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=0");
        assertEquals("httpd", f.get("comm"));
        assertEquals("shadow", f.get("name"));
        assertEquals("file", f.get("tclass"));
    }

    @Test
    void lineWithoutAuditHeaderIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("arch=c000003e syscall=59 success=yes"));
        assertTrue(e.getMessage().contains("not an audit record"), e.getMessage());
    }

    @Test
    void unclosedQuoteIsRejectedNamingTheKey() {
        RecordParseException e = assertThrows(RecordParseException.class,
                () -> parse("type=SYSCALL msg=audit(1700000000.123:4567): syscall=59 comm=\"ls exe=/usr/bin/ls"));
        assertTrue(e.getMessage().contains("'comm'"), e.getMessage());
    }
}
