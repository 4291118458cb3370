package dev.vigil.update.tuf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Reads a stream only as far as a bound allows: the defence against endless data.
 *
 * <p>Guarantees: never reads more than {@code limit + 1} bytes from the source, whatever the source claims; a source
 * longer than the limit is refused with {@link Rejection#TOO_LARGE}; the hash returned covers exactly what was written.
 */
public final class BoundedCopy {

    private BoundedCopy() {
    }

    /** Reads all of {@code in} into memory, refusing more than {@code limit} bytes. */
    public static byte[] readAll(InputStream in, long limit, String file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(in, out, limit, file);
        return out.toByteArray();
    }

    /** Copies {@code in} to {@code out}, refusing more than {@code limit} bytes; returns length and SHA-256. */
    public static Copied copy(InputStream in, OutputStream out, long limit, String file) throws IOException {
        MessageDigest sha = Sha256.digest();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (true) {
            int want = (int) Math.min(buffer.length, limit + 1 - total);
            int n = in.read(buffer, 0, want);
            if (n < 0) {
                break;
            }
            total += n;
            if (total > limit) {
                throw new UpdateRejectedException(Rejection.TOO_LARGE, file, "longer than the " + limit
                        + " bytes allowed; reading stopped there");
            }
            sha.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return new Copied(total, HexFormat.of().formatHex(sha.digest()));
    }

    /** What was copied: its length and SHA-256 (hex). */
    public record Copied(long length, String sha256) {
    }
}
