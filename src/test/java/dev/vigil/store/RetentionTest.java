package dev.vigil.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.vigil.store.Events.ACME;
import static dev.vigil.store.Events.GLOBEX;
import static dev.vigil.store.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionTest {

    @TempDir
    Path root;

    private EventStore storeWithFiveDaysForTwoTenants() {
        EventStore store = new EventStore(StoreSettings.defaults(root));
        long seq = 0;
        for (int day = 1; day <= 5; day++) {
            store.add(event(ACME, ++seq, "2024-05-0" + day + "T12:00:00Z"));
            store.add(event(GLOBEX, ++seq, "2024-05-0" + day + "T12:00:00Z"));
        }
        store.commit(seq);
        return store;
    }

    @Test
    void dropsEveryTenantsDaysThatEndedBeforeTheCutoff() throws IOException {
        try (EventStore store = storeWithFiveDaysForTwoTenants()) {
            List<DayIndexId> dropped = store.applyRetention(2, Instant.parse("2024-05-05T12:00:00Z"));

            assertEquals(List.of(
                    new DayIndexId(ACME, LocalDate.parse("2024-05-01")),
                    new DayIndexId(ACME, LocalDate.parse("2024-05-02")),
                    new DayIndexId(GLOBEX, LocalDate.parse("2024-05-01")),
                    new DayIndexId(GLOBEX, LocalDate.parse("2024-05-02"))), dropped);
        }
    }

    @Test
    void droppedDaysAreDeletedFromDiskAndFromResults() throws IOException {
        try (EventStore store = storeWithFiveDaysForTwoTenants()) {
            store.applyRetention(2, Instant.parse("2024-05-05T12:00:00Z"));

            assertFalse(Files.exists(root.resolve("acme/2024-05-02")));
            assertTrue(Files.exists(root.resolve("acme/2024-05-03")));
            assertEquals(3, store.count(ACME, EventQuery.of("")));
            assertEquals(LocalDate.parse("2024-05-03"), store.stats(GLOBEX).oldestDay());
        }
    }

    @Test
    void aDayIsKeptWhileAnyOfItsEventsIsInsideTheRetentionPeriod() throws IOException {
        try (EventStore store = storeWithFiveDaysForTwoTenants()) {
            assertEquals(List.of(), store.applyRetention(2, Instant.parse("2024-05-03T00:00:00Z")));
        }
    }

    @Test
    void retentionBelowOneDayIsRefused() throws IOException {
        try (EventStore store = storeWithFiveDaysForTwoTenants()) {
            assertThrows(IllegalArgumentException.class, () -> store.applyRetention(0, Instant.now()));
        }
    }

    @Test
    void droppedDaysStayDroppedAfterReopening() throws IOException {
        try (EventStore store = storeWithFiveDaysForTwoTenants()) {
            store.applyRetention(1, Instant.parse("2024-05-06T00:00:00Z"));
        }
        try (EventStore reopened = new EventStore(StoreSettings.defaults(root))) {
            assertEquals(1, reopened.count(ACME, EventQuery.of("")));
        }
    }
}
