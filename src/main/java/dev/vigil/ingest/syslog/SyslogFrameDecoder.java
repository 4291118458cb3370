package dev.vigil.ingest.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a syslog TCP byte stream into messages, deciding per message between RFC 6587 octet counting
 * ({@code <length> SP <message>}, recognised by a leading digit) and non-transparent framing (a message ends at LF,
 * CRLF or NUL). Pure and incremental: feed bytes as they arrive, take complete messages out.
 *
 * <p>Guarantees: no byte is lost or duplicated between calls; a message longer than {@code maxMessageBytes} is cut at
 * that size and counted in {@link #oversized()}, and the rest of it up to its delimiter is discarded, so a runaway
 * sender cannot exhaust memory. {@link #finish()} returns a non-empty partial message left at end of stream.
 */
public final class SyslogFrameDecoder {

    private final int maxMessageBytes;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private long oversized;
    private State state = State.START;
    private int remaining;
    private final StringBuilder lengthDigits = new StringBuilder();

    private enum State { START, LENGTH, COUNTED, LINE, DISCARD_LINE }

    public SyslogFrameDecoder(int maxMessageBytes) {
        if (maxMessageBytes < 64) {
            throw new IllegalArgumentException("maximum syslog message size must be at least 64 bytes, was " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Consumes {@code length} bytes and returns the messages they complete. */
    public List<String> feed(byte[] bytes, int offset, int length) {
        List<String> out = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            switch (state) {
                case START -> {
                    if (b == '\n' || b == '\r' || b == 0) {
                        continue; // stray delimiters between messages
                    }
                    if (b >= '1' && b <= '9') {
                        state = State.LENGTH;
                        lengthDigits.setLength(0);
                        lengthDigits.append((char) b);
                    } else {
                        state = State.LINE;
                        current.write(b);
                    }
                }
                case LENGTH -> {
                    if (b >= '0' && b <= '9' && lengthDigits.length() < 9) {
                        lengthDigits.append((char) b);
                    } else if (b == ' ') {
                        int declared = Integer.parseInt(lengthDigits.toString());
                        if (declared > maxMessageBytes) {
                            oversized++;
                        }
                        remaining = declared;
                        state = remaining == 0 ? State.START : State.COUNTED;
                    } else {
                        // not octet counting after all: the digits start an ordinary line
                        current.writeBytes(lengthDigits.toString().getBytes(StandardCharsets.US_ASCII));
                        state = State.LINE;
                        i--;
                    }
                }
                case COUNTED -> {
                    if (current.size() < maxMessageBytes) {
                        current.write(b);
                    }
                    if (--remaining == 0) {
                        emit(out);
                    }
                }
                case LINE -> {
                    if (b == '\n' || b == 0) {
                        emit(out);
                    } else if (current.size() >= maxMessageBytes) {
                        oversized++;
                        emit(out);
                        state = State.DISCARD_LINE;
                    } else {
                        current.write(b);
                    }
                }
                case DISCARD_LINE -> {
                    if (b == '\n' || b == 0) {
                        state = State.START;
                    }
                }
            }
        }
        return out;
    }

    /** The partial message at end of stream, if any. */
    public String finish() {
        if ((state == State.LINE || state == State.COUNTED) && current.size() > 0) {
            List<String> out = new ArrayList<>(1);
            emit(out);
            return out.getFirst();
        }
        if (state == State.LENGTH && !lengthDigits.isEmpty()) {
            String digits = lengthDigits.toString();
            state = State.START;
            return digits;
        }
        return null;
    }

    /** How many messages were longer than the limit and cut. */
    public long oversized() {
        return oversized;
    }

    private void emit(List<String> out) {
        String message = current.toString(StandardCharsets.UTF_8);
        if (message.endsWith("\r")) {
            message = message.substring(0, message.length() - 1);
        }
        current.reset();
        state = State.START;
        if (!message.isBlank()) {
            out.add(message);
        }
    }
}
