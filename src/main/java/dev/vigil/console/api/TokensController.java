package dev.vigil.console.api;

import dev.vigil.tenancy.ApiToken;
import dev.vigil.tenancy.web.Principals;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.ApiTokens;
import dev.vigil.tenancy.IssuedToken;
import dev.vigil.tenancy.TenantPrincipal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code /api/v1/tokens}: list, create and revoke the caller's tenant's tokens (admin scope). */
@Controller("/api/v1/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokensController {

    private final ApiTokens tokens;

    public TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Get
    public List<TokenView> list(HttpRequest<?> request) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return tokens.list(caller.tenant()).stream().map(TokenView::of).toList();
    }

    @Post
    public HttpResponse<CreatedToken> create(HttpRequest<?> request, @Body CreateTokenRequest body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        ApiTokenScope scope = parseScope(body.scope());
        IssuedToken issued = tokens.create(caller.tenant(), body.name(), scope, caller.name(), caller.role());
        return HttpResponse.status(HttpStatus.CREATED).body(new CreatedToken(issued.token().name(),
                issued.token().scope().name(), issued.token().tenant().value(), issued.secret()));
    }

    @Delete("/{name}")
    public TokenView revoke(HttpRequest<?> request, @PathVariable String name) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return TokenView.of(tokens.revoke(caller.tenant(), name, caller.name(), caller.role()));
    }

    private static ApiTokenScope parseScope(String scope) {
        if (scope == null) {
            return ApiTokenScope.INGEST;
        }
        try {
            return ApiTokenScope.valueOf(scope.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown token scope '" + scope + "': use INGEST, READ or ADMIN");
        }
    }

    /** The request to create a token. */
    @Serdeable
    public record CreateTokenRequest(String name, @Nullable String scope) {
    }

    /** A created token with its secret, returned once. */
    @Serdeable
    public record CreatedToken(String name, String scope, String tenant, String secret) {
    }

    /** A token as listed: never its secret or hash. */
    @Serdeable
    public record TokenView(String name, String scope, String tenant, Instant createdAt, String createdBy,
                            @Nullable Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.name(), t.scope().name(), t.tenant().value(), t.createdAt(), t.createdBy(),
                    t.revokedAt());
        }
    }
}
