package dev.vigil.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.vigil.store.Events.ACME;
import static dev.vigil.store.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The query language, operator by operator, against a real index of three events. */
class QueryLanguageTest {

    @TempDir
    static Path root;
    static EventStore store;

    @BeforeAll
    static void indexThreeEvents() {
        store = new EventStore(StoreSettings.defaults(root));
        store.add(event(ACME, 1, "2024-05-01T10:00:00Z", "Failed password for root from 10.0.0.5 port 22 ssh2", Map.of(
                "user.name", "root",
                "source.ip", "10.0.0.5",
                "destination.port", 22L,
                "process.executable", "C:\\Program Files\\OpenSSH\\sshd.exe",
                "bytes", 500L,
                "event.outcome", "failure")));
        store.add(event(ACME, 2, "2024-05-01T11:00:00Z", "Accepted password for Admin from 10.0.0.6", Map.of(
                "user.name", "Admin",
                "destination.port", 2222L,
                "process.executable", "C:\\Windows\\System32\\cmd.exe",
                "bytes", 1500L,
                "event.outcome", "success",
                "tags", List.of("vpn", "mfa"))));
        store.add(event(ACME, 3, "2024-05-01T12:00:00Z", "powershell.exe -enc AAAA started", Map.of(
                "message", "PowerShell started an encoded command",
                "user.name", "svc_backup",
                "destination.port", "443",
                "process.executable", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                "bytes", 2500.0)));
        store.commit(3);
    }

    @AfterAll
    static void close() throws IOException {
        store.close();
    }

    private static Set<Long> matching(String query) {
        return store.search(ACME, EventQuery.of(query), 0, 100).events().stream()
                .map(e -> Long.parseLong(e.id(), 16)).collect(Collectors.toSet());
    }

    @Test
    void blankQueryMatchesEverything() {
        assertEquals(Set.of(1L, 2L, 3L), matching("  "));
    }

    @Test
    void fieldValuesMatchCaseInsensitively() {
        assertEquals(Set.of(2L), matching("user.name:ADMIN"));
    }

    @Test
    void fieldNamesAreCaseSensitive() {
        assertEquals(Set.of(), matching("User.Name:admin"));
    }

    @Test
    void trailingWildcardMatchesWindowsPathPrefixInAnyCase() {
        assertEquals(Set.of(2L, 3L), matching("process.executable:c:\\windows\\SYSTEM32\\*"));
    }

    @Test
    void leadingWildcardMatchesPathSuffix() {
        assertEquals(Set.of(2L), matching("process.executable:*\\cmd.exe"));
    }

    @Test
    void questionMarkMatchesOneCharacter() {
        assertEquals(Set.of(1L), matching("user.name:ro?t"));
    }

    @Test
    void loneStarMeansTheFieldIsPresent() {
        assertEquals(Set.of(2L), matching("tags:*"));
    }

    @Test
    void quotedFieldValueIsOneExactValueWithLiteralBackslashes() {
        assertEquals(Set.of(1L), matching("process.executable:\"C:\\Program Files\\OpenSSH\\sshd.exe\""));
    }

    @Test
    void quotedFieldValueDoesNotMatchPartOfAValue() {
        assertEquals(Set.of(), matching("process.executable:\"sshd.exe\""));
    }

    @Test
    void listValuesMatchEachElement() {
        assertEquals(Set.of(2L), matching("tags:MFA"));
    }

    @Test
    void bareWordSearchesFreeTextOfRawAndMessage() {
        assertEquals(Set.of(1L, 2L), matching("password"));
        assertEquals(Set.of(3L), matching("encoded"));
    }

    @Test
    void freeTextIsCaseInsensitive() {
        assertEquals(Set.of(1L), matching("FAILED"));
    }

    @Test
    void quotedPhraseWithoutFieldMatchesWordsInOrder() {
        assertEquals(Set.of(1L), matching("\"failed password\""));
        assertEquals(Set.of(), matching("\"password failed\""));
    }

    @Test
    void freeTextWildcardMatchesWordPrefixes() {
        assertEquals(Set.of(3L), matching("powersh*"));
    }

    @Test
    void adjacentTermsAreImplicitlyAnded() {
        assertEquals(Set.of(1L), matching("password user.name:root"));
    }

    @Test
    void andRequiresBothSides() {
        assertEquals(Set.of(2L), matching("password AND event.outcome:success"));
    }

    @Test
    void orAcceptsEitherSide() {
        assertEquals(Set.of(1L, 3L), matching("user.name:root OR user.name:svc_backup"));
    }

    @Test
    void notExcludes() {
        assertEquals(Set.of(2L, 3L), matching("NOT user.name:root"));
    }

    @Test
    void minusPrefixExcludes() {
        assertEquals(Set.of(2L), matching("password -user.name:root"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals(Set.of(1L), matching("user.name:root OR user.name:admin AND event.outcome:failure"));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertEquals(Set.of(), matching("(user.name:root OR user.name:admin) AND user.name:svc_backup"));
        assertEquals(Set.of(2L), matching("(user.name:root OR user.name:admin) AND event.outcome:success"));
    }

    @Test
    void fieldGroupAppliesTheFieldToEveryValue() {
        assertEquals(Set.of(1L, 3L), matching("user.name:(root OR svc_backup)"));
    }

    @Test
    void inclusiveNumericRangeIncludesNumericTextValues() {
        assertEquals(Set.of(1L, 3L), matching("destination.port:[1 TO 1024]"));
    }

    @Test
    void exclusiveRangeBoundLeavesTheBoundOut() {
        assertEquals(Set.of(2L, 3L), matching("destination.port:{22 TO 2222]"));
    }

    @Test
    void openEndedRangeUsesStar() {
        assertEquals(Set.of(2L), matching("destination.port:[1025 TO *]"));
    }

    @Test
    void comparisonOperatorsCompareNumerically() {
        assertEquals(Set.of(2L, 3L), matching("bytes:>1000"));
        assertEquals(Set.of(1L, 2L, 3L), matching("bytes:>=500"));
        assertEquals(Set.of(), matching("bytes:<500"));
        assertEquals(Set.of(1L), matching("bytes:<=500"));
    }

    @Test
    void numberMatchesIntegerAndDecimalValuesAlike() {
        assertEquals(Set.of(3L), matching("bytes:2500"));
    }

    @Test
    void timestampRangeTakesIsoInstants() {
        assertEquals(Set.of(1L, 2L), matching("@timestamp:[2024-05-01T10:00:00Z TO 2024-05-01T11:00:00Z]"));
        assertEquals(Set.of(1L), matching("@timestamp:[2024-05-01T10:00:00Z TO 2024-05-01T11:00:00Z}"));
    }

    @Test
    void timestampDateMeansTheWholeUtcDay() {
        assertEquals(Set.of(1L, 2L, 3L), matching("@timestamp:2024-05-01"));
        assertEquals(Set.of(), matching("@timestamp:2024-05-02"));
    }

    @Test
    void timestampComparisonTakesOffsets() {
        assertEquals(Set.of(3L), matching("@timestamp:>2024-05-01T13:30:00+02:00"));
    }

    @Test
    void storeFieldsAreQueryable() {
        assertEquals(Set.of(1L, 2L, 3L), matching("@connector:LINUX-SYSLOG @logsource.product:linux @parse_error:false"));
    }
}
