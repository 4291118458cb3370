package dev.vigil.fleet;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anonymised artefacts carry no raw text: keyed hashes and shapes only. */
class FleetAnonymiserTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String RAW = "powershell.exe -enc SQBFAFgA from host WS-0042 user alice 10.1.2.3";

    @Test
    void anArtefactHashIsSixtyFourHexCharactersAndContainsNoRawText() {
        Anonymiser anonymiser = new Anonymiser(KEY);
        for (ArtefactType type : ArtefactType.values()) {
            String hash = anonymiser.artefactHash(type, RAW);
            assertTrue(hash.matches("[0-9a-f]{64}"), hash);
            for (String word : RAW.split("[\\s.-]+")) {
                if (word.length() > 3) {
                    assertFalse(hash.contains(word.toLowerCase()), word + " leaked into " + hash);
                }
            }
        }
    }

    @Test
    void oneTechniqueAtTwoTenantsHasOnePatternShapeHash() {
        Anonymiser anonymiser = new Anonymiser(KEY);
        assertEquals(anonymiser.artefactHash(ArtefactType.PATTERN_SHAPE, "C:\\Users\\alice\\x.exe -p 4444 10.1.2.3"),
                anonymiser.artefactHash(ArtefactType.PATTERN_SHAPE, "c:\\users\\bob\\X.EXE  -p 8080 192.168.9.9"));
        assertNotEquals(anonymiser.artefactHash(ArtefactType.PATTERN_SHAPE, "x.exe -p 1"),
                anonymiser.artefactHash(ArtefactType.PATTERN_SHAPE, "y.exe -p 1"));
    }

    @Test
    void surfaceFormsOfOneIndicatorHashAlikeAndOtherKeysHashDifferently() {
        Anonymiser anonymiser = new Anonymiser(KEY);
        String hash = anonymiser.artefactHash(ArtefactType.INDICATOR_HASH, "evil.example.com");
        assertEquals(hash, anonymiser.artefactHash(ArtefactType.INDICATOR_HASH, "Evil[.]Example.COM."));
        assertNotEquals(hash, anonymiser.artefactHash(ArtefactType.PATTERN_SHAPE, "evil.example.com"));
        byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
        otherKey[0] ^= 1;
        assertNotEquals(hash, new Anonymiser(otherKey).artefactHash(ArtefactType.INDICATOR_HASH, "evil.example.com"));
    }

    @Test
    void aShortKeyOrAnEmptyArtefactIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Anonymiser(new byte[16]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Anonymiser(KEY).artefactHash(ArtefactType.INDICATOR_HASH, "  "));
        assertEquals("an empty indicator cannot be anonymised", e.getMessage());
    }
}
