package dev.vigil.simulate;

/** The output files, each in one real log format read by one Vigil connector. */
enum LogFile {
    WINDOWS_SYSMON("windows-sysmon.ndjson", "windows-json"),
    WINDOWS_SECURITY("windows-security.ndjson", "windows-json"),
    LINUX_AUTH("linux-auth.log", "linux-auth"),
    LINUX_AUDITD("linux-auditd.log", "linux-auditd"),
    SURICATA_EVE("suricata-eve.ndjson", "suricata-eve"),
    ZEEK_DNS("zeek-dns.ndjson", "zeek-json"),
    ZEEK_CONN("zeek-conn.ndjson", "zeek-json"),
    AWS_CLOUDTRAIL("aws-cloudtrail.ndjson", "aws-cloudtrail");

    final String fileName;
    final String connector;

    LogFile(String fileName, String connector) {
        this.fileName = fileName;
        this.connector = connector;
    }
}
