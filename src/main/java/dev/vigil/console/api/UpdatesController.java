package dev.vigil.console.api;

import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import dev.vigil.update.HistoryEntry;
import dev.vigil.update.UpdateReport;
import dev.vigil.update.UpdateService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code /api/v1/updates}: verify and apply a signed content bundle (the request body is the bundle file), list the
 * history, roll back. Everything needs ADMIN; a refused bundle is 400 naming the file and why.
 */
@Controller("/api/v1/updates")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UpdatesController {

    private final UpdateService updates;

    public UpdatesController(UpdateService updates) {
        this.updates = updates;
    }

    @Post("/verify")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public ReportView verify(HttpRequest<?> request, @Body byte[] bundle) {
        Principals.require(request, ApiTokenScope.ADMIN);
        return withFile(bundle, f -> ReportView.of(updates.verify(f)));
    }

    @Post("/apply")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public ReportView apply(HttpRequest<?> request, @Body byte[] bundle) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return withFile(bundle, f -> ReportView.of(updates.apply(f, caller.tenant(), caller.name(), caller.role())));
    }

    @Get("/history")
    public List<HistoryEntry> history(HttpRequest<?> request) {
        Principals.require(request, ApiTokenScope.READ);
        return updates.history();
    }

    @Post("/rollback")
    public HistoryEntry rollback(HttpRequest<?> request) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return updates.rollback(caller.tenant(), caller.name(), caller.role());
    }

    private static ReportView withFile(byte[] bundle, java.util.function.Function<Path, ReportView> action) {
        if (bundle == null || bundle.length == 0) {
            throw new IllegalArgumentException("the request body must be the bundle file");
        }
        Path file = null;
        try {
            file = Files.createTempFile("vigil-bundle-", ".zip");
            Files.write(file, bundle);
            return action.apply(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded bundle: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its temp directory
                }
            }
        }
    }

    /** A verified or applied bundle. */
    @Serdeable
    public record ReportView(long version, int rootVersion, boolean rootRotated, String bundleSha256, String directory,
                             List<TargetView> targets) {
        static ReportView of(UpdateReport r) {
            return new ReportView(r.version(), r.rootVersion(), r.rootRotated(), r.bundleSha256(), r.directory(),
                    r.targets().stream().map(t -> new TargetView(t.name(), t.type().folder(), t.length(), t.sha256())).toList());
        }
    }

    /** One target of a bundle. */
    @Serdeable
    public record TargetView(String name, String type, long length, String sha256) {
    }
}
