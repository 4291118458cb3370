package dev.vigil.console.api;

import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.users.IssuedPassword;
import dev.vigil.tenancy.users.User;
import dev.vigil.tenancy.users.UserRole;
import dev.vigil.tenancy.users.Users;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/users}: the caller's tenant's console users (admin only): list, add, set a one-time password, change
 * a role, disable, enable. Passwords and hashes are never listed; a generated one-time password is returned once.
 */
@Controller("/api/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsersController {

    private final Users users;

    public UsersController(Users users) {
        this.users = users;
    }

    @Get
    public List<UserView> list(HttpRequest<?> request) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return users.list(caller.tenant()).stream().map(UserView::of).toList();
    }

    @Post
    public HttpResponse<PasswordIssued> add(HttpRequest<?> request, @Body AddUser body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        IssuedPassword issued = users.add(caller.tenant(), body.username(), UserRole.parse(body.role()), body.password(),
                caller.name(), caller.role());
        return HttpResponse.status(HttpStatus.CREATED).body(PasswordIssued.of(issued));
    }

    @Post("/{username}/password")
    public PasswordIssued password(HttpRequest<?> request, @PathVariable String username, @Body SetPassword body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return PasswordIssued.of(users.resetPassword(caller.tenant(), username, body.password(), caller.name(),
                caller.role()));
    }

    @Post("/{username}/role")
    public UserView role(HttpRequest<?> request, @PathVariable String username, @Body SetRole body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return UserView.of(users.setRole(caller.tenant(), username, UserRole.parse(body.role()), caller.name(),
                caller.role()));
    }

    @Post("/{username}/disable")
    public UserView disable(HttpRequest<?> request, @PathVariable String username) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return UserView.of(users.disable(caller.tenant(), username, caller.name(), caller.role()));
    }

    @Post("/{username}/enable")
    public UserView enable(HttpRequest<?> request, @PathVariable String username) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return UserView.of(users.enable(caller.tenant(), username, caller.name(), caller.role()));
    }

    /** A user to add; without a password, one is generated. */
    @Serdeable
    public record AddUser(String username, String role, @Nullable String password) {
    }

    /** A new password for a user; without one, one is generated. */
    @Serdeable
    public record SetPassword(@Nullable String password) {
    }

    /** A new role: admin, analyst or auditor. */
    @Serdeable
    public record SetRole(String role) {
    }

    /** A user as listed: never a password or hash. */
    @Serdeable
    public record UserView(String username, String role, String tenant, boolean disabled, boolean mustChangePassword,
                           int failedAttempts, @Nullable Instant lockedUntil, Instant createdAt, Instant changedAt) {
        static UserView of(User u) {
            return new UserView(u.username(), u.role().label(), u.tenant().value(), u.disabled(), u.mustChangePassword(),
                    u.failedAttempts(), u.lockedUntil(), u.createdAt(), u.changedAt());
        }
    }

    /** A user after an admin set their password; {@code oneTimePassword} only when it was generated. */
    @Serdeable
    public record PasswordIssued(UserView user, @Nullable String oneTimePassword) {
        static PasswordIssued of(IssuedPassword issued) {
            return new PasswordIssued(UserView.of(issued.user()), issued.oneTimePassword());
        }
    }
}
