package dev.vigil.ingest.http;

import java.util.Locale;
import java.util.Map;

/**
 * Maps the {@code sourcetype} names that Splunk forwarders and HEC clients commonly send to Vigil connectors, so real
 * forwarders work without reconfiguration. A sourcetype that is itself a connector name wins; unknown ones fall back
 * to the request's or token's default connector.
 */
public final class SourcetypeConnectors {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("syslog", "linux-syslog"),
            Map.entry("linux_messages_syslog", "linux-syslog"),
            Map.entry("linux_secure", "linux-auth"),
            Map.entry("linux:auth", "linux-auth"),
            Map.entry("linux_audit", "linux-auditd"),
            Map.entry("linux:audit", "linux-auditd"),
            Map.entry("wineventlog", "windows-json"),
            Map.entry("xmlwineventlog", "windows-json"),
            Map.entry("xmlwineventlog:microsoft-windows-sysmon/operational", "windows-json"),
            Map.entry("suricata", "suricata-eve"),
            Map.entry("suricata:eve", "suricata-eve"),
            Map.entry("zeek", "zeek-json"),
            Map.entry("bro", "zeek-json"),
            Map.entry("aws:cloudtrail", "aws-cloudtrail"),
            Map.entry("cef", "cef"),
            Map.entry("_json", "generic-json"),
            Map.entry("json", "generic-json"));

    private SourcetypeConnectors() {
    }

    /** The connector for a sourcetype: itself if it names a known connector, the usual mapping, else the fallback. */
    public static String resolve(String sourcetype, java.util.function.Predicate<String> isConnector, String fallback) {
        if (sourcetype == null || sourcetype.isBlank()) {
            return fallback;
        }
        if (isConnector.test(sourcetype)) {
            return sourcetype;
        }
        String lower = sourcetype.toLowerCase(Locale.ROOT);
        String mapped = KNOWN.get(lower);
        if (mapped == null && lower.startsWith("zeek:")) {
            mapped = "zeek-json";
        }
        if (mapped == null && lower.startsWith("xmlwineventlog")) {
            mapped = "windows-json";
        }
        return mapped != null && isConnector.test(mapped) ? mapped : fallback;
    }
}
