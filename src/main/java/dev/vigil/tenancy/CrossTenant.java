package dev.vigil.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository method that legitimately works without a tenant argument, and says why.
 *
 * <p>The architecture tests allow it only in the {@code tenancy} and {@code fleet} packages: the tenant registry must
 * list tenants, and token authentication must find a token before it knows the token's tenant. Everywhere else a
 * query method without a {@link TenantId} parameter fails the build.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CrossTenant {

    /** Why this method cannot take a tenant. */
    String value();
}
