package dev.vigil.fleet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns derived artefacts into what may be shared across a fleet: a keyed HMAC-SHA256 (per-fleet key) of a
 * normalised form, so no raw text can pass.
 *
 * <p>Guarantees: pure (no I/O, no clock); {@link #artefactHash} always returns 64 lower-case hex characters,
 * whatever the input; equal inputs after normalisation give equal hashes under one key, and without the key a hash
 * cannot be tested against guessed indicators; {@link #patternShape} replaces every run of letters with {@code a}
 * and every run of digits with {@code 9}, so the shape holds no letter other than {@code a} and no digit other than
 * {@code 9}.
 */
public final class Anonymiser {

    /** The shortest fleet key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final Pattern DIGITS = Pattern.compile("\\p{N}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

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
            case INDICATOR_HASH -> normaliseIndicator(value);
            case PATTERN_SHAPE -> patternShape(value);
            case ANOMALY_FINGERPRINT -> require(value, "anomaly fingerprint").strip();
        };
        return hmac(type.external() + ":" + normal);
    }

    /** An indicator in canonical form: trimmed, lower-case, defanged {@code [.]} restored, no trailing dot. */
    public static String normaliseIndicator(String indicator) {
        String s = require(indicator, "indicator").strip().toLowerCase(Locale.ROOT).replace("[.]", ".")
                .replace("hxxp", "http");
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an indicator cannot be only dots");
        }
        return s;
    }

    /** The shape of a text: letter runs become {@code a}, digit runs {@code 9}, whitespace runs one space. */
    public static String patternShape(String text) {
        String s = LETTERS.matcher(require(text, "pattern").strip()).replaceAll("a");
        s = DIGITS.matcher(s).replaceAll("9");
        return SPACES.matcher(s).replaceAll(" ");
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
