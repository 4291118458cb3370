package dev.vigil.appliance;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * HTTPS for the console, the API and the HEC collector ({@code vigil.http.tls.*}), immutable once started.
 *
 * @param enabled serve HTTPS (the default); {@code false} serves plain HTTP, for test harnesses and a TLS-terminating
 *                proxy on the same host only
 * @param cert    an admin's own certificate chain (PEM, leaf first); with {@code key}, used instead of the certificate
 *                generated at first start
 * @param key     the private key of {@code cert} (PEM, PKCS#8 or traditional, unencrypted; keep it mode 600)
 */
@ConfigurationProperties("vigil.http.tls")
public record HttpTlsSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Nullable Path cert,
        @Nullable Path key) {

    public HttpTlsSettings {
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("vigil.http.tls.cert and vigil.http.tls.key go together: give both "
                    + "(your own certificate) or neither (the certificate generated at first start)");
        }
    }
}
