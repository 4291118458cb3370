package dev.vigil.ingest.spool;

import dev.vigil.tenancy.TenantId;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one spool record. Pure.
 *
 * <pre>
 * int    bodyLength
 * int    crc32c(body)
 * body:  long sequence, long receivedAt seconds, int receivedAt nanos, long sourceOffset,
 *        string tenant, string connector, string source, string payload   (string = int length + UTF-8 bytes)
 * </pre>
 * A frame whose length runs past the end of the file, or whose checksum does not match, is not a record.
 */
final class RecordCodec {

    static final int HEADER_BYTES = 8;
    static final int MAX_BODY_BYTES = 64 << 20;

    private RecordCodec() {
    }

    static byte[] encode(long sequence, SpoolRecord r) {
        byte[] tenant = r.tenant().value().getBytes(StandardCharsets.UTF_8);
        byte[] connector = r.connector().getBytes(StandardCharsets.UTF_8);
        byte[] source = r.source().getBytes(StandardCharsets.UTF_8);
        byte[] payload = r.payload().getBytes(StandardCharsets.UTF_8);
        int bodyLength = 8 + 8 + 4 + 8 + 16 + tenant.length + connector.length + source.length + payload.length;
        if (bodyLength > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("a record of " + payload.length + " bytes is larger than the spool's limit of "
                    + MAX_BODY_BYTES + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + bodyLength);
        buffer.putInt(bodyLength).putInt(0);
        buffer.putLong(sequence).putLong(r.receivedAt().getEpochSecond()).putInt(r.receivedAt().getNano())
                .putLong(r.sourceOffset());
        putString(buffer, tenant);
        putString(buffer, connector);
        putString(buffer, source);
        putString(buffer, payload);
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), HEADER_BYTES, bodyLength);
        buffer.putInt(4, (int) crc.getValue());
        return buffer.array();
    }

    /** Decodes a body whose checksum has been verified. */
    static SpooledRecord decode(ByteBuffer body) {
        long sequence = body.getLong();
        Instant receivedAt = Instant.ofEpochSecond(body.getLong(), body.getInt());
        long sourceOffset = body.getLong();
        TenantId tenant = new TenantId(getString(body));
        String connector = getString(body);
        String source = getString(body);
        String payload = getString(body);
        return new SpooledRecord(sequence, new SpoolRecord(tenant, connector, source, receivedAt, payload, sourceOffset));
    }

    static boolean checksumMatches(ByteBuffer body, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(body.duplicate());
        return (int) crc.getValue() == expected;
    }

    private static void putString(ByteBuffer buffer, byte[] bytes) {
        buffer.putInt(bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer buffer) {
        int length = buffer.getInt();
        String s = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return s;
    }
}
