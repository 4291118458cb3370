package dev.vigil.connectors;

import dev.vigil.event.RawEvent;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a whole sample file through a connector the way ingestion would, for spec authors and the CLI.
 *
 * <p>Guarantees: pure (no clock, no I/O: the tenant and receive time are fixed at construction, so results are
 * reproducible); one result per record in file order, each with the line the record starts on; never throws on bad
 * records — they come back with their parse error.
 */
public final class ConnectorTester {

    private final TenantId tenant;
    private final Instant receivedAt;

    public ConnectorTester(TenantId tenant, Instant receivedAt) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Frames {@code fileText} with the connector's framing and normalises every record. */
    public List<TestedRecord> test(Connector connector, String fileText) {
        List<TestedRecord> results = new ArrayList<>();
        for (Framed record : connector.frameDocument(fileText)) {
            RawEvent raw = new RawEvent(0, tenant, connector.name(), "test:line " + record.lineNumber(), receivedAt,
                    record.payload());
            results.add(new TestedRecord(record.lineNumber(), connector.normalize(raw)));
        }
        return results;
    }
}
