package dev.vigil.analyst.similar;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Identifiers without meaning become one placeholder word; everything else stays as it was. */
class OpaqueIdentifiersTest {

    @Test
    void aUuidOfEitherCaseBecomesUuid() {
        assertEquals("rule uuid, level high", OpaqueIdentifiers.shorten("rule 3b6ab547-8ec2-4991-b9d2-2b06702a48d7, level high"));
        assertEquals("CLSID {uuid}", OpaqueIdentifiers.shorten("CLSID {0002DF01-0000-0000-C000-000000000046}"));
    }

    @Test
    void md5Sha1AndSha256HashesBecomeHash() {
        assertEquals("md5=hash sha1=hash sha256=hash", OpaqueIdentifiers.shorten(
                "md5=d41d8cd98f00b204e9800998ecf8427e sha1=da39a3ee5e6b4b0d3255bfef95601890afd80709 "
                        + "sha256=E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
    }

    @Test
    void shortHexAndHexInsideLongerWordsAreKept() {
        String text = "exit code 0xC0000005, handle deadbeef, build 1234567890abcdefg, user x1234567890abcdef01";
        assertEquals(text, OpaqueIdentifiers.shorten(text));
    }

    @Test
    void hostsAddressesPathsAndRuleNamesAreKept() {
        String text = "SSH brute force against srv-1. rule vigil-ssh-brute-force. matched: source.ip=203.0.113.9; "
                + "Image=C:\\Windows\\System32\\lsass.exe";
        assertEquals(text, OpaqueIdentifiers.shorten(text));
    }
}
