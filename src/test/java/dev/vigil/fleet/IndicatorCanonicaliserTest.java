package dev.vigil.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every surface form of one indicator has one canonical form. */
class IndicatorCanonicaliserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Evil.Example.COM.|evil.example.com",
            "  evil.example.com  |evil.example.com",
            "evil.example.com...|evil.example.com",
            "evil[.]example[.]com|evil.example.com",
            "evil(.)example(.)com|evil.example.com",
            "evil{.}example{.}com|evil.example.com",
            "evil[dot]example[DOT]com|evil.example.com",
            "evil(dot)example(dot)com|evil.example.com",
            "evil\\.example\\.com|evil.example.com",
            "hxxp://evil.example.com/Path|http://evil.example.com/Path",
            "hXXps://Evil.Example.com/A/B?Q=1#F|https://evil.example.com/A/B?Q=1#F",
            "HXXPS[://]evil[.]example[.]com/x|https://evil.example.com/x",
            "hxxp[:]//evil[.]example[.]com/|http://evil.example.com/",
            "fxp://files.example.org/Pub|ftp://files.example.org/Pub",
            "HTTP://EVIL.EXAMPLE.COM./Login.PHP|http://evil.example.com/Login.PHP",
            "http://evil.example.com:80/a|http://evil.example.com/a",
            "https://evil.example.com:443/a|https://evil.example.com/a",
            "https://evil.example.com:8443/a|https://evil.example.com:8443/a",
            "http://010.001.002.003/x|http://10.1.2.3/x",
            "http://[2001:DB8:0:0:0:0:0:1]:8080/A|http://[2001:db8::1]:8080/A",
            "Alice[@]Example[.]com|alice@example.com",
            "alice[at]example[.]com|alice@example.com",
            "alice(at)example.com.|alice@example.com",
            "010.001.002.003|10.1.2.3",
            "192.168.000.001|192.168.0.1",
            "10[.]1[.]2[.]3|10.1.2.3",
            "2001:0DB8:0000:0000:0000:0000:0000:0001|2001:db8::1",
            "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1|2001:db8:0:1:1:1:1:1",
            "[2001:db8::1]|2001:db8::1",
            "fe80::1%eth0|fe80::1",
            "0:0:0:0:0:0:0:0|::",
            "::ffff:192.0.2.1|192.0.2.1",
            "D41D8CD98F00B204E9800998ECF8427E|d41d8cd98f00b204e9800998ecf8427e",
    })
    void surfaceFormsFoldToOneCanonicalForm(String surface, String canonical) {
        assertEquals(canonical, IndicatorCanonicaliser.canonical(surface));
    }

    @Test
    void aUrlKeepsTheCaseOfItsPathQueryAndFragment() {
        assertEquals("https://example.com/Download/Payload.EXE?Token=AbC#Top",
                IndicatorCanonicaliser.canonical("HTTPS://EXAMPLE.com/Download/Payload.EXE?Token=AbC#Top"));
    }

    @Test
    void anIpv4OctetAboveTwoHundredFiftyFiveIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IndicatorCanonicaliser.canonical("10.1.2.300"));
        assertEquals("invalid IPv4 address '10.1.2.300': 300 is above 255", e.getMessage());
    }

    @Test
    void aMalformedIpv6AddressIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IndicatorCanonicaliser.canonical("2001:db8:::1"));
        assertTrue(e.getMessage().startsWith("invalid IPv6 address '2001:db8:::1'"), e.getMessage());
    }

    @Test
    void anEmptyOrDotsOnlyIndicatorIsRefused() {
        assertEquals("an empty indicator cannot be anonymised",
                assertThrows(IllegalArgumentException.class, () -> IndicatorCanonicaliser.canonical(" ")).getMessage());
        assertEquals("an indicator cannot be only dots",
                assertThrows(IllegalArgumentException.class, () -> IndicatorCanonicaliser.canonical("[.][.]")).getMessage());
    }

    @Test
    void ipAddressesAreRecognisedAndDomainsWithColonsAreNot() {
        assertTrue(IndicatorCanonicaliser.isIpAddress("10[.]1[.]2[.]3"));
        assertTrue(IndicatorCanonicaliser.isIpAddress("2001:db8::1"));
        assertFalse(IndicatorCanonicaliser.isIpAddress("ad.be:80"));
        assertFalse(IndicatorCanonicaliser.isIpAddress("evil.example.com"));
    }
}
