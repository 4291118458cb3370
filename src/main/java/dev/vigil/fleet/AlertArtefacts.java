package dev.vigil.fleet;

import dev.vigil.detect.MatchedField;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives fleet artefacts from the matched fields of an alert. Pure: no I/O.
 *
 * <p>Guarantees: only these are derived, each once: matched values that are IP addresses, URLs, domain names
 * (two or more labels ending in an alphabetic top-level label that is not a common file extension) or file hashes
 * (32, 40, 64 or 128 hex digits) become {@link ArtefactType#INDICATOR_HASH} candidates; values of command-line fields
 * ({@code CommandLine}, {@code ParentCommandLine}, {@code process.command_line}, {@code cmdline}, …) become
 * {@link ArtefactType#PATTERN_SHAPE} candidates. Anything else is ignored, so free text, user names and host names
 * without a domain never become artefacts. The value handed on is hashed (after canonicalisation or generalisation)
 * by {@link Anonymiser} before anything is stored.
 */
public final class AlertArtefacts {

    private static final Pattern COMMAND_FIELD = Pattern.compile("(?i).*(command_?line|cmdline|cmd_line)$");
    private static final Pattern URL = Pattern.compile("(?i)^(https?|hxxps?|ftp|fxp)(\\[?:]?|\\[://])//?.+");
    private static final Pattern FILE_HASH = Pattern.compile("(?i)[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}");
    private static final Pattern DOMAIN = Pattern.compile("(?i)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24}");
    private static final Set<String> FILE_EXTENSIONS = Set.of("exe", "dll", "sys", "bat", "cmd", "ps1", "psm1", "vbs",
            "js", "jse", "hta", "jar", "msi", "scr", "lnk", "log", "txt", "tmp", "dat", "ini", "cfg", "conf", "xml",
            "json", "yml", "yaml", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pdf", "rtf", "py", "pl", "rb", "so",
            "evtx", "etl", "db", "bak", "iso", "img", "vhd", "vhdx", "cab", "rar", "7z", "gz", "tar", "php", "asp",
            "aspx", "jsp", "html", "htm", "csv", "key", "pem", "crt", "pfx");

    private AlertArtefacts() {
    }

    /** A candidate artefact: its type and the value to be canonicalised and hashed. */
    public record Candidate(ArtefactType type, String value) {
    }

    /** The candidates of the given matched fields, in field order, without repeats. */
    public static List<Candidate> derive(List<MatchedField> matched) {
        Set<Candidate> out = new LinkedHashSet<>();
        for (MatchedField field : matched) {
            String value = field.value() == null ? "" : field.value().strip();
            if (value.isEmpty() || value.length() > 4096) {
                continue;
            }
            if (COMMAND_FIELD.matcher(field.field()).matches()) {
                out.add(new Candidate(ArtefactType.PATTERN_SHAPE, value));
            } else if (isIndicator(value) && canonicalises(value)) {
                out.add(new Candidate(ArtefactType.INDICATOR_HASH, value));
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean canonicalises(String value) {
        try {
            IndicatorCanonicaliser.canonical(value);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** True when the value is an IP address, a URL, a domain name or a file hash. */
    static boolean isIndicator(String value) {
        if (value.contains(" ")) {
            return false;
        }
        if (FILE_HASH.matcher(value).matches() || URL.matcher(value).matches()) {
            return true;
        }
        String refanged = IndicatorCanonicaliser.refang(value);
        if (IndicatorCanonicaliser.isIpAddress(refanged)) {
            return true;
        }
        String host = refanged.endsWith(".") ? refanged.substring(0, refanged.length() - 1) : refanged;
        if (!DOMAIN.matcher(host).matches()) {
            return false;
        }
        String tld = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return !FILE_EXTENSIONS.contains(tld);
    }
}
