package dev.vigil.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A minimal ustar reader for tests: calls back with each regular file's name and a stream bounded to its content. */
final class TarEntries {

    private TarEntries() {
    }

    interface EntryHandler {
        void accept(String name, InputStream content) throws IOException;
    }

    static void forEach(InputStream tar, EntryHandler handler) throws IOException {
        byte[] header = new byte[512];
        while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String name = field(header, 0, 100);
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            byte type = header[156];
            BoundedStream content = new BoundedStream(tar, size);
            if (type == '0' || type == 0) {
                handler.accept(name, content);
            }
            content.skipRest();
            long padding = (512 - size % 512) % 512;
            tar.skipNBytes(padding);
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() {
        }

        void skipRest() throws IOException {
            in.skipNBytes(remaining);
            remaining = 0;
        }
    }
}
