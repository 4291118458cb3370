package dev.vigil.console.web;

import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import dev.vigil.update.HistoryEntry;
import dev.vigil.update.UpdateReport;
import dev.vigil.update.UpdateService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code GET /updates}: the content update history; {@code POST /updates/upload} (ADMIN, multipart: {@code _csrf},
 * {@code action} = verify or apply, then the {@code bundle} file) verifies or applies a signed bundle through
 * {@link UpdateService} and shows the verification steps, or why the bundle was refused; {@code POST /updates/rollback}
 * (ADMIN) returns to the previous content. Apply and rollback are audited by the service; verify changes nothing.
 */
@Controller("/updates")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UpdatesPage {

    private final UpdateService updates;

    public UpdatesPage(UpdateService updates) {
        this.updates = updates;
    }

    /** What happened to an uploaded bundle: the action, the report (null when refused) and the refusal. */
    public record Outcome(String action, UpdateReport report, String refusal) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> history(HttpRequest<?> request) {
        return render(Viewer.of(request), null, HttpStatus.OK);
    }

    @Post("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> upload(HttpRequest<?> request, @Nullable @Part("action") String action,
                                  @Nullable @Part("bundle") CompletedFileUpload bundle) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        Viewer viewer = Viewer.of(request);
        String what = "apply".equals(action) ? "apply" : "verify";
        if (bundle == null || bundle.getSize() == 0) {
            return render(viewer, new Outcome(what, null, "Choose a bundle file (.zip) to upload."), HttpStatus.BAD_REQUEST);
        }
        Path file = null;
        try {
            file = Files.createTempFile("vigil-bundle-", ".zip");
            Files.write(file, bundle.getBytes());
            UpdateReport report = what.equals("apply") ? updates.apply(file, caller.tenant(), caller.name(), caller.role())
                    : updates.verify(file);
            return render(viewer, new Outcome(what, report, null), HttpStatus.OK);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded bundle: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return render(viewer, new Outcome(what, null, e.getMessage()), HttpStatus.BAD_REQUEST);
        } finally {
            deleteQuietly(file);
        }
    }

    @Post("/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> rollback(HttpRequest<?> request) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        try {
            HistoryEntry back = updates.rollback(caller.tenant(), caller.name(), caller.role());
            return Page.notice("/updates", "Rolled back to content version " + back.version() + ".");
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Page.error("/updates", e.getMessage());
        }
    }

    private HttpResponse<?> render(Viewer viewer, Outcome outcome, HttpStatus status) {
        List<HistoryEntry> history = updates.history();
        return Page.of("updates", viewer).with("history", history.reversed()).with("outcome", outcome).status(status);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp directory
            }
        }
    }
}
