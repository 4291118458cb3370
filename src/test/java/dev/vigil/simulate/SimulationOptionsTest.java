package dev.vigil.simulate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationOptionsTest {

    private static String error(int hosts, Duration d, Instant start) {
        return assertThrows(IllegalArgumentException.class,
                () -> new SimulationOptions(1, hosts, d, start, Set.of())).getMessage();
    }

    @Test
    void rejectsZeroHosts() {
        assertEquals("hosts must be between 1 and 100000, was 0", error(0, Duration.ofHours(1), SimulationOptions.DEFAULT_START));
    }

    @Test
    void rejectsMoreThanAHundredThousandHosts() {
        assertTrue(error(100_001, Duration.ofHours(1), SimulationOptions.DEFAULT_START).contains("was 100001"));
    }

    @Test
    void rejectsDurationsUnderOneMinute() {
        assertEquals("duration must be between 1 minute and 30 days, was 59s",
                error(5, Duration.ofSeconds(59), SimulationOptions.DEFAULT_START));
    }

    @Test
    void rejectsDurationsOverThirtyDays() {
        assertTrue(error(5, Duration.ofDays(31), SimulationOptions.DEFAULT_START).startsWith("duration must be between"));
    }

    @Test
    void rejectsStartsBeforeTwoThousand() {
        assertTrue(error(5, Duration.ofHours(1), Instant.parse("1999-12-31T00:00:00Z")).startsWith("start must lie between"));
    }

    @Test
    void acceptsTheBoundaries() {
        new SimulationOptions(1, 1, Duration.ofMinutes(1), SimulationOptions.DEFAULT_START, Set.of());
        new SimulationOptions(1, 100_000, Duration.ofDays(30), SimulationOptions.DEFAULT_START, Set.of());
    }

    @Test
    void attackListAcceptsOptionSpellingAndAll() {
        assertEquals(EnumSet.of(AttackKind.SSH_BRUTE_FORCE, AttackKind.DISCOVERY),
                AttackKind.parseList("ssh-brute-force, DISCOVERY"));
        assertEquals(EnumSet.allOf(AttackKind.class), AttackKind.parseList("all"));
        assertEquals(Set.of(), AttackKind.parseList("none"));
    }

    @Test
    void attackListNamesTheUnknownEntryAndTheValidOnes() {
        String msg = assertThrows(IllegalArgumentException.class, () -> AttackKind.parseList("discovery,ransomware")).getMessage();
        assertTrue(msg.startsWith("unknown attack 'ransomware'; valid: all, none, credential-dumping"), msg);
    }
}
