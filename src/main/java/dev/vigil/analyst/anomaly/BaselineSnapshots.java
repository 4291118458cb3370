package dev.vigil.analyst.anomaly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tenancy.TenantId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and loads each tenant's anomaly baselines in the database (table {@code anomaly_baselines}): one row per
 * tenant, kind and entity with the entity's state as JSON.
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
        for (ProcessBaselines.HostState h : baselines.processes()) {
            out.add(row(tenant, PROCESS, out.size(), h.host(), h, now));
        }
        for (LogonSourceBaselines.UserState u : baselines.logons()) {
            out.add(row(tenant, LOGON, out.size(), u.user(), u, now));
        }
        for (VolumeBaselines.HostState h : baselines.volumes()) {
            out.add(row(tenant, VOLUME, out.size(), h.host(), h, now));
        }
        out.add(row(tenant, PROGRESS, out.size(), "", new Progress(baselines.learnedThrough(), baselines.watermark()), now));
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
        for (BaselineRow r : rows.findByTenantAndKindOrderBySeqNo(tenant, kind)) {
            try {
                out.add(JSON.readValue(r.payload(), type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("anomaly baseline row " + r.id() + " cannot be read: "
                        + e.getOriginalMessage(), e);
            }
        }
        return out;
    }

    private static BaselineRow row(TenantId tenant, String kind, int seqNo, String entity, Object state, Instant now) {
        try {
            String e = entity.length() > 1000 ? entity.substring(0, 1000) : entity;
            return new BaselineRow(tenant.value() + "/" + kind + "/" + seqNo, tenant, kind, seqNo, e,
                    JSON.writeValueAsString(state), now);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot encode the " + kind + " baseline of " + entity, ex);
        }
    }

    /** How far a tenant's baselines have learned. */
    record Progress(long learnedThrough, long watermark) {
    }
}
