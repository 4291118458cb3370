package dev.vigil.tenancy.users;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.security.SecureRandom;

/** The collaborators of {@link Users} and {@link Sessions}: one {@link SecureRandom} for hashing salts and secrets. */
@Factory
class UsersFactory {

    private final SecureRandom random = new SecureRandom();

    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher(random);
    }

    @Singleton
    Secrets secrets() {
        return new Secrets(random);
    }

    @Singleton
    LockoutPolicy lockoutPolicy() {
        return LockoutPolicy.DEFAULT;
    }
}
