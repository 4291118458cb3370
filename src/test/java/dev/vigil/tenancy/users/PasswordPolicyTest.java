package dev.vigil.tenancy.users;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a console password must be. */
class PasswordPolicyTest {

    @Test
    void elevenCharactersAreTooShortAndTheMessageSaysTheMinimum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordPolicy.check("alice", "abcdefghijk"));
        assertTrue(e.getMessage().contains("at least 12"), e.getMessage());
    }

    @Test
    void twelveCharactersThatAreNotTheUserNamePass() {
        assertDoesNotThrow(() -> PasswordPolicy.check("alice", "abcdefghijkl"));
    }

    @Test
    void theUserNameInAnyCaseIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordPolicy.check("administrator", "ADMINISTRATOR"));
        assertTrue(e.getMessage().contains("user name"), e.getMessage());
    }

    @Test
    void theMessageNeverEchoesThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordPolicy.check("alice", "s3cr3t"));
        assertTrue(!e.getMessage().contains("s3cr3t"), e.getMessage());
    }
}
