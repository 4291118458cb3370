package dev.vigil.fleet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Turns derived artefacts into what may be shared across a fleet: a keyed HMAC-SHA256 (per-fleet key) of a
 * normalised form, so no raw text can pass.
 *
 * <p>Guarantees: pure (no I/O, no clock); {@link #artefactHash} always returns 64 lower-case hex characters,
 * whatever the input; equal inputs after normalisation give equal hashes under one key, and without the key a hash
 * cannot be tested against guessed indicators. Indicators are hashed in the form {@link IndicatorCanonicaliser}
 * gives them and pattern shapes in the form {@link PatternShapes#of} gives them.
 */
public final class Anonymiser {

    /** The shortest fleet key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private final byte[] key;

    public Anonymiser(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the fleet anonymisation key must be at least " + MIN_KEY_BYTES
                    + " bytes, was " + (key == null ? 0 : key.length));
        }
        this.key = key.clone();
    }

    /** The keyed hash of an artefact of the given type, computed over its normalised form. */
    public String artefactHash(ArtefactType type, String value) {
        String normal = switch (type) {
            case INDICATOR_HASH -> IndicatorCanonicaliser.canonical(value);
            case PATTERN_SHAPE -> PatternShapes.of(value);
            case ANOMALY_FINGERPRINT -> require(value, "anomaly fingerprint").strip();
        };
        return hmac(type.external() + ":" + normal);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an empty " + what + " cannot be anonymised");
        }
        return value;
    }
}
