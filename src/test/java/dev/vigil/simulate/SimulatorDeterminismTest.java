package dev.vigil.simulate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SimulatorDeterminismTest {

    private static SimulationOptions options(long seed) {
        return new SimulationOptions(seed, 12, Duration.ofHours(6), SimulationOptions.DEFAULT_START.plus(Duration.ofHours(8)),
                EnumSet.allOf(AttackKind.class));
    }

    @Test
    void sameSeedAndOptionsWriteByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        Simulator.writeTo(a, options(42));
        Simulator.writeTo(b, options(42));
        List<String> names = names(a);
        assertEquals(names, names(b));
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
    }

    @Test
    void differentSeedsWriteDifferentData(@TempDir Path a, @TempDir Path b) throws IOException {
        Simulator.writeTo(a, options(1));
        Simulator.writeTo(b, options(2));
        for (String name : List.of("windows-sysmon.ndjson", "linux-auth.log", "zeek-conn.ndjson", "labels.jsonl")) {
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name))), name);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
