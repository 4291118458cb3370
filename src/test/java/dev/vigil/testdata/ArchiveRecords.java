package dev.vigil.testdata;

import dev.vigil.connectors.Connector;
import dev.vigil.connectors.LineFramer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The records of a {@code .zip} or {@code .tar.gz} archive of log files (as the OTRF Security-Datasets ship them),
 * read in place and framed line by line with a connector's line framer.
 */
public final class ArchiveRecords {

    private ArchiveRecords() {
    }

    /** Receives each framed record: {@code source} is {@code archive!entry}, {@code lineNumber} the line it ended on. */
    public interface RecordHandler {
        void accept(String source, int lineNumber, String payload) throws IOException;
    }

    /** True for the archive formats {@link #forEachRecord} reads. */
    public static boolean isArchive(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".zip") || name.endsWith(".tar.gz");
    }

    /** Calls back with every record of every file in the archive, in archive order. */
    public static void forEachRecord(Path archive, Connector connector, RecordHandler handler) throws IOException {
        String name = archive.getFileName().toString();
        if (name.endsWith(".zip")) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (!entry.isDirectory()) {
                        forEachLine(zip, connector, name + "!" + entry.getName(), handler);
                    }
                }
            }
        } else if (name.endsWith(".tar.gz")) {
            try (InputStream tar = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
                TarEntries.forEach(tar, (entry, content) -> forEachLine(content, connector, name + "!" + entry, handler));
            }
        } else {
            throw new IllegalArgumentException("not a .zip or .tar.gz archive: " + archive);
        }
    }

    private static void forEachLine(InputStream content, Connector connector, String source, RecordHandler handler)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        LineFramer framer = connector.newLineFramer();
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            for (String payload : framer.acceptAll(line)) {
                handler.accept(source, lineNumber, payload);
            }
        }
    }
}
