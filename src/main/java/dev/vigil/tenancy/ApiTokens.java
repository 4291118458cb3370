package dev.vigil.tenancy;

import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issues, lists, revokes and checks API tokens.
 *
 * <p>Guarantees: a secret has 256 bits from {@link SecureRandom} and is never stored, only its SHA-256; a revoked or
 * unknown token authenticates nothing; creation and revocation are audited in the same transaction as the change, so
 * if the audit entry cannot be written the change does not happen.
 */
@Singleton
public class ApiTokens {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final String PREFIX = "vgl_";

    private final ApiTokenRepository tokens;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(ApiTokenRepository tokens, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token in the tenant; fails with a clear message if the name is invalid or taken. */
    @Transactional
    public IssuedToken create(TenantId tenant, String name, ApiTokenScope scope, String actor, String role) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid token name '" + name
                    + "': use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (tokens.findByTenantAndName(tenant, name).isPresent()) {
            throw new IllegalArgumentException("a token named '" + name + "' already exists in tenant " + tenant);
        }
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = PREFIX + HexFormat.of().formatHex(secretBytes);
        ApiToken token = tokens.save(new ApiToken(UUID.randomUUID().toString(), tenant, name, scope, hash(secret),
                Instant.now(clock), actor, null));
        audit.append(new AuditRecord(actor, role, tenant, "token.create", token.id(), null, describe(token)));
        return new IssuedToken(token, secret);
    }

    /** Revokes a token of the tenant by name; a token of another tenant is "not found". */
    @Transactional
    public ApiToken revoke(TenantId tenant, String name, String actor, String role) {
        ApiToken token = tokens.findByTenantAndName(tenant, name)
                .orElseThrow(() -> new IllegalArgumentException("no token named '" + name + "' in tenant " + tenant));
        if (!token.isActive()) {
            return token;
        }
        ApiToken revoked = tokens.update(token.revoked(Instant.now(clock)));
        audit.append(new AuditRecord(actor, role, tenant, "token.revoke", token.id(), describe(token), describe(revoked)));
        return revoked;
    }

    public List<ApiToken> list(TenantId tenant) {
        return tokens.findByTenantOrderByCreatedAt(tenant);
    }

    /** The principal a presented secret stands for, if it is a known, active token. */
    public Optional<TenantPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(secret))
                .filter(ApiToken::isActive)
                .map(t -> new TenantPrincipal(t.tenant(), "token:" + t.name(), t.scope()));
    }

    private static String describe(ApiToken t) {
        return "{\"id\":\"" + t.id() + "\",\"tenant\":\"" + t.tenant() + "\",\"name\":\"" + t.name() + "\",\"scope\":\""
                + t.scope() + "\",\"revoked\":" + (t.revokedAt() != null) + "}";
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
