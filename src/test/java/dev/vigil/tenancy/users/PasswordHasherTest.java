package dev.vigil.tenancy.users;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argon2id hashing of console passwords. */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void aHashIsAnArgon2idPhcStringWithTheDocumentedParameters() {
        assertTrue(hasher.hash("correct horse battery").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String stored = hasher.hash("correct horse battery");
        assertTrue(hasher.matches("correct horse battery", stored));
        assertFalse(hasher.matches("correct horse batterY", stored));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfThePerHashSalt() {
        assertNotEquals(hasher.hash("correct horse battery"), hasher.hash("correct horse battery"));
    }

    @Test
    void aMalformedOrForeignStoredHashMatchesNothing() {
        String stored = hasher.hash("correct horse battery");
        assertFalse(hasher.matches("correct horse battery", stored.replace("argon2id", "argon2i")));
        assertFalse(hasher.matches("correct horse battery", "$argon2id$v=19$m=19456,t=2,p=1$!!!$???"));
        assertFalse(hasher.matches("correct horse battery", "plain"));
        assertFalse(hasher.matches(null, stored));
    }
}
