package dev.vigil.store;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.vigil.store.Events.ACME;
import static dev.vigil.store.Events.GLOBEX;
import static dev.vigil.store.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventStoreTenancyTest {

    @TempDir
    Path root;
    EventStore store;

    @BeforeEach
    void twoTenantsSideBySide() {
        store = new EventStore(StoreSettings.defaults(root));
        store.add(event(ACME, 1, "2024-05-01T10:00:00Z", "Failed password for root", Map.of("user.name", "root")));
        store.add(event(ACME, 2, "2024-05-01T11:00:00Z", "Failed password for admin", Map.of("user.name", "admin")));
        store.add(event(GLOBEX, 3, "2024-05-01T10:30:00Z", "Failed password for root", Map.of("user.name", "root")));
        store.add(event(GLOBEX, 4, "2024-05-02T10:30:00Z", "Failed password for mallory", Map.of("user.name", "mallory")));
        store.commit(4);
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Test
    void searchReturnsOnlyTheTenantsOwnEvents() {
        SearchPage page = store.search(ACME, EventQuery.of("password"), 0, 10);

        assertEquals(2, page.totalHits());
        assertTrue(page.events().stream().allMatch(e -> e.tenant().equals(ACME)));
        assertEquals(List.of("0000000000000002", "0000000000000001"), page.events().stream().map(StoredEvent::id).toList());
    }

    @Test
    void countOfOneTenantExcludesTheOther() {
        assertEquals(1, store.count(ACME, EventQuery.of("user.name:root")));
        assertEquals(2, store.count(GLOBEX, EventQuery.of("")));
    }

    @Test
    void histogramOfOneTenantCountsOnlyItsEvents() {
        Histogram histogram = store.histogram(ACME, EventQuery.between(
                Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-03T00:00:00Z")), Duration.ofDays(1));

        assertEquals(List.of(
                new Histogram.Bucket(Instant.parse("2024-05-01T00:00:00Z"), 2),
                new Histogram.Bucket(Instant.parse("2024-05-02T00:00:00Z"), 0)), histogram.buckets());
    }

    @Test
    void topValuesOfOneTenantNeverShowTheOthersValues() {
        assertEquals(List.of(new TermCount("mallory", 1), new TermCount("root", 1)),
                store.topValues(GLOBEX, EventQuery.of(""), "user.name", 10));
        assertEquals(List.of(new TermCount("admin", 1), new TermCount("root", 1)),
                store.topValues(ACME, EventQuery.of(""), "user.name", 10));
    }

    @Test
    void getCannotReachAnotherTenantsEvent() {
        assertTrue(store.get(ACME, "0000000000000001").isPresent());
        assertTrue(store.get(GLOBEX, "0000000000000001").isEmpty());
    }

    @Test
    void aTenantWithNoDataGetsEmptyResultsNotErrors() {
        TenantId initech = TenantId.of("initech");

        assertEquals(new SearchPage(0, List.of()), store.search(initech, EventQuery.of("password"), 0, 10));
        assertEquals(0, store.count(initech, EventQuery.of("")));
        assertEquals(List.of(), store.histogram(initech, EventQuery.of(""), Duration.ofHours(1)).buckets());
        assertEquals(List.of(), store.topValues(initech, EventQuery.of(""), "user.name", 5));
        assertEquals(new StoreStats(initech, 0, 0, 0, null, null), store.stats(initech));
    }

    @Test
    void statsDescribeOnlyTheTenantsDayIndexes() {
        StoreStats stats = store.stats(GLOBEX);

        assertEquals(2, stats.documents());
        assertEquals(2, stats.dayIndexes());
        assertEquals(java.time.LocalDate.parse("2024-05-01"), stats.oldestDay());
        assertEquals(java.time.LocalDate.parse("2024-05-02"), stats.newestDay());
        assertTrue(stats.bytesOnDisk() > 0);
    }
}
