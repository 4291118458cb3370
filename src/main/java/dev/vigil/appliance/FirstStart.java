package dev.vigil.appliance;

import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.ApiTokens;
import dev.vigil.tenancy.IssuedToken;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
import dev.vigil.tenancy.users.Users;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What the appliance makes sure of at every start: the customer and fleet tenants exist, and the local CLI holds a
 * working admin token of the customer tenant in {@code <data>/run/cli.token} (mode 600), and an ingest token for local
 * forwarders in {@code <data>/run/ingest.token}; and the customer tenant has a console user: when it has none, the
 * first admin {@value Users#FIRST_ADMIN} is created with a one-time password (the one the installer left in
 * {@code <data>/run/first-admin.password}, which is then deleted, or a generated one), printed once to the log and
 * kept for {@link #oneTimeAdminPassword()}; it must be changed at first sign-in.
 *
 * <p>Guarantees: idempotent; a token file that still authenticates is kept; a lost or revoked one is replaced by a new
 * token (audited), so restarting never multiplies tokens; the admin password is never written anywhere by the
 * appliance.
 */
@Singleton
public class FirstStart {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final VigilSettings settings;
    private final TenantRegistry tenants;
    private final ApiTokens tokens;
    private final Users users;
    private final Clock clock;
    private volatile String oneTimeAdminPassword;

    public FirstStart(VigilSettings settings, TenantRegistry tenants, ApiTokens tokens, Users users, Clock clock) {
        this.settings = settings;
        this.tenants = tenants;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    /** The first admin's one-time password, when this process created the first admin; else empty. */
    public Optional<String> oneTimeAdminPassword() {
        return Optional.ofNullable(oneTimeAdminPassword);
    }

    /** Runs the checks; returns the customer tenant. */
    public TenantId run() {
        TenantId customer = TenantId.of(settings.tenant());
        if (customer.isFleet()) {
            throw new IllegalArgumentException("vigil.tenant cannot be 'fleet': that id is the structural fleet tenant");
        }
        tenants.ensure(TenantId.FLEET, "Fleet (derived artefacts only)", TenantKind.FLEET);
        tenants.ensure(customer, settings.tenantName(), TenantKind.CUSTOMER);
        Path run = settings.dataDir().resolve("run");
        ensureTokenFile(customer, run.resolve("cli.token"), "cli", ApiTokenScope.ADMIN);
        ensureTokenFile(customer, run.resolve("ingest.token"), "local-ingest", ApiTokenScope.INGEST);
        ensureFirstAdmin(customer, run.resolve("first-admin.password"));
        return customer;
    }

    private void ensureFirstAdmin(TenantId customer, Path presetFile) {
        try {
            String preset = Files.exists(presetFile) ? Files.readString(presetFile).trim() : null;
            users.ensureFirstAdmin(customer, preset == null || preset.isEmpty() ? null : preset).ifPresent(password -> {
                oneTimeAdminPassword = password;
                LOG.warn("First start: created the console admin '{}' of tenant {} with the one-time password {}"
                        + " (shown only now; it must be changed at first sign-in)", Users.FIRST_ADMIN, customer, password);
            });
            Files.deleteIfExists(presetFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + presetFile + ": " + e.getMessage(), e);
        }
    }

    private void ensureTokenFile(TenantId tenant, Path file, String baseName, ApiTokenScope scope) {
        try {
            if (Files.exists(file) && tokens.authenticate(Files.readString(file).trim())
                    .filter(p -> p.tenant().equals(tenant)).isPresent()) {
                return;
            }
            IssuedToken issued = tokens.create(tenant, baseName + "-" + STAMP.format(clock.instant()), scope,
                    "system", "system");
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, issued.secret() + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token file " + file + ": " + e.getMessage(), e);
        }
    }
}
