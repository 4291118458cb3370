package dev.vigil.analyst.anomaly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tenancy.TenantId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Saves and loads each tenant's anomaly baselines in the database (table {@code anomaly_baselines}): per tenant and
 * kind, rows of up to {@value #PER_ROW} entities (hosts or users) each, in least-recently-seen order, the entities'
 * states as a JSON array; the row's {@code entity} column names its first and last entity. (One row per entity took
 * 11 s to save for a large tenant on H2; chunks keep a snapshot to a few dozen rows.)
 *
 * <p>Guarantees: a save replaces the tenant's whole snapshot in one transaction, so a load sees one complete snapshot
 * or the previous one, never a mix; only the named tenant's rows are read or written. Snapshots are derived state
 * (recomputed from events), so they are deliberately not audited per write. A row that cannot be read back (a payload
 * from an incompatible version) fails the load with the row named, and the caller starts that tenant from nothing.
 */
@Singleton
public class BaselineSnapshots {

    static final String PROCESS = "process";
    static final String LOGON = "logon";
    static final String VOLUME = "volume";
    static final String PROGRESS = "progress";

    /** Entities per row. */
    static final int PER_ROW = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BaselineRowRepository rows;
    private final Clock clock;

    public BaselineSnapshots(BaselineRowRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Replaces the tenant's snapshot with this one. */
    @Transactional
    public void save(TenantId tenant, TenantBaselines baselines) {
        Instant now = clock.instant();
        List<BaselineRow> out = new ArrayList<>();
        rows(out, tenant, PROCESS, baselines.processes(), ProcessBaselines.HostState::host, now);
        rows(out, tenant, LOGON, baselines.logons(), LogonSourceBaselines.UserState::user, now);
        rows(out, tenant, VOLUME, baselines.volumes(), VolumeBaselines.HostState::host, now);
        rows(out, tenant, PROGRESS, List.of(new Progress(baselines.learnedThrough(), baselines.watermark())), p -> "",
                now);
        rows.deleteByTenant(tenant);
        rows.saveAll(out);
    }

    /** The tenant's last saved snapshot, or {@link TenantBaselines#EMPTY} when it has none. */
    @Transactional
    public TenantBaselines load(TenantId tenant) {
        List<ProcessBaselines.HostState> processes = read(tenant, PROCESS, ProcessBaselines.HostState.class);
        List<LogonSourceBaselines.UserState> logons = read(tenant, LOGON, LogonSourceBaselines.UserState.class);
        List<VolumeBaselines.HostState> volumes = read(tenant, VOLUME, VolumeBaselines.HostState.class);
        Progress progress = read(tenant, PROGRESS, Progress.class).stream().findFirst().orElse(new Progress(0, 0));
        return new TenantBaselines(processes, logons, volumes, progress.learnedThrough(), progress.watermark());
    }

    private <T> List<T> read(TenantId tenant, String kind, Class<T> type) {
        List<T> out = new ArrayList<>();
        JavaType list = JSON.getTypeFactory().constructCollectionType(List.class, type);
        for (BaselineRow r : rows.findByTenantAndKindOrderBySeqNo(tenant, kind)) {
            try {
                out.addAll(JSON.<List<T>>readValue(r.payload(), list));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("anomaly baseline row " + r.id() + " cannot be read: "
                        + e.getOriginalMessage(), e);
            }
        }
        return out;
    }

    private static <T> void rows(List<BaselineRow> out, TenantId tenant, String kind, List<T> states,
                                 Function<T, String> name, Instant now) {
        for (int from = 0; from < states.size(); from += PER_ROW) {
            List<T> chunk = states.subList(from, Math.min(states.size(), from + PER_ROW));
            String first = name.apply(chunk.getFirst());
            String last = name.apply(chunk.getLast());
            String entity = first.equals(last) ? first : first + " .. " + last;
            int seqNo = out.size();
            try {
                out.add(new BaselineRow(tenant.value() + "/" + kind + "/" + seqNo, tenant, kind, seqNo,
                        entity.length() > 1000 ? entity.substring(0, 1000) : entity, JSON.writeValueAsString(chunk), now));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode the " + kind + " baselines from " + first, e);
            }
        }
    }

    /** How far a tenant's baselines have learned. */
    record Progress(long learnedThrough, long watermark) {
    }
}
