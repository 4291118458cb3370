package dev.vigil.appliance;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.ssl.ServerSslConfiguration;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Points Netty's HTTPS listener at the {@link ConsoleCertificate}'s keystore as soon as the server's SSL configuration
 * exists, so the certificate generated at first start (or the admin's PEM files) is what the server presents; nothing
 * in the Micronaut configuration has to name a key store.
 */
@Singleton
public class ConsoleSslConfigurer implements BeanCreatedEventListener<ServerSslConfiguration> {

    private final Provider<ConsoleCertificate> certificate;

    public ConsoleSslConfigurer(Provider<ConsoleCertificate> certificate) {
        this.certificate = certificate;
    }

    @Override
    public ServerSslConfiguration onCreated(BeanCreatedEvent<ServerSslConfiguration> event) {
        ServerSslConfiguration ssl = event.getBean();
        if (ssl.isEnabled()) {
            ConsoleCertificate console = certificate.get();
            ssl.getKeyStore().setPath("file:" + console.keyStoreFile().toAbsolutePath());
            ssl.getKeyStore().setPassword(console.keyStorePassword());
            ssl.getKeyStore().setType("PKCS12");
        }
        return ssl;
    }
}
