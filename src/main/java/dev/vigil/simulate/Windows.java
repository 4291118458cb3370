package dev.vigil.simulate;

import java.util.Locale;

/**
 * Renders Windows events as Winlogbeat 8 JSON: Sysmon (1, 3, 10, 11, 13, 22), Security (4624, 4625, 4688, 4698,
 * 4720, 4732) and System (7045). Event data values are strings, as Winlogbeat emits them.
 */
final class Windows {

    static final int SYSMON = 0;
    static final int SECURITY = 1;
    static final int SYSTEM = 2;

    private static final String SYSMON_PROVIDER = "Microsoft-Windows-Sysmon";
    private static final String SYSMON_GUID = "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}";
    private static final String SECURITY_PROVIDER = "Microsoft-Windows-Security-Auditing";
    private static final String SECURITY_GUID = "{54849625-5478-4994-a5ba-3e3b0328c30d}";
    private static final String SCM_PROVIDER = "Service Control Manager";
    private static final String SCM_GUID = "{555908d1-a6d7-4695-8e1e-26931d2012f4}";

    private final World world;

    Windows(World world) {
        this.world = world;
    }

    /** Sysmon 1 and, a few milliseconds later, Security 4688 for the same process. */
    void processCreate(Timeline tl, long at, Timeline.Step step, Proc child, Proc parent) {
        String hashes = world.hashesOf(child.image());
        tl.at(at, step, out -> sysmon(out, child.host(), 1, "Process Create (rule: ProcessCreate)", d -> d
                .str("RuleName", "-").str("UtcTime", Ts.sysmon(out.at())).str("ProcessGuid", child.guid())
                .str("ProcessId", Integer.toString(child.pid())).str("Image", child.image())
                .str("OriginalFileName", originalName(child.image())).str("CommandLine", child.commandLine())
                .str("CurrentDirectory", child.cwd()).str("User", child.user())
                .str("LogonGuid", "{" + child.host().guidPrefix() + "-0000-0000-0000-000000000000}")
                .str("TerminalSessionId", child.integrity().equals("System") ? "0" : "1")
                .str("IntegrityLevel", child.integrity()).str("Hashes", hashes)
                .str("ParentProcessGuid", parent.guid()).str("ParentProcessId", Integer.toString(parent.pid()))
                .str("ParentImage", parent.image()).str("ParentCommandLine", parent.commandLine())
                .str("ParentUser", parent.user())));
        tl.at(at + 1_000 + (child.pid() % 7) * 331, step, out -> security(out, child.host(), 4688,
                "Process Creation", d -> d
                        .str("SubjectUserSid", child.integrity().equals("System") ? "S-1-5-18" : world.sidOf(child.userName()))
                        .str("SubjectUserName", child.integrity().equals("System")
                                ? child.host().name().toUpperCase(Locale.ROOT) + "$" : child.userName())
                        .str("SubjectDomainName", world.domain()).str("NewProcessId", "0x" + Integer.toHexString(child.pid()))
                        .str("NewProcessName", child.image())
                        .str("TokenElevationType", child.integrity().equals("High") ? "%%1937" : "%%1938")
                        .str("ProcessId", "0x" + Integer.toHexString(parent.pid())).str("CommandLine", child.commandLine())
                        .str("ParentProcessName", parent.image())
                        .str("MandatoryLabel", switch (child.integrity()) {
                            case "System" -> "S-1-16-16384";
                            case "High" -> "S-1-16-12288";
                            default -> "S-1-16-8192";
                        })));
    }

    /** Sysmon 3, an outbound connection made by {@code p}. */
    void network(Timeline tl, long at, Timeline.Step step, Proc p, int srcPort, String dstIp, int dstPort) {
        tl.at(at, step, out -> sysmon(out, p.host(), 3, "Network connection detected (rule: NetworkConnect)", d -> d
                .str("RuleName", "-").str("UtcTime", Ts.sysmon(out.at())).str("ProcessGuid", p.guid())
                .str("ProcessId", Integer.toString(p.pid())).str("Image", p.image()).str("User", p.user())
                .str("Protocol", "tcp").str("Initiated", "true").str("SourceIsIpv6", "false")
                .str("SourceIp", p.host().ip()).str("SourceHostname", p.host().fqdn())
                .str("SourcePort", Integer.toString(srcPort)).str("DestinationIsIpv6", "false")
                .str("DestinationIp", dstIp).str("DestinationHostname", "-")
                .str("DestinationPort", Integer.toString(dstPort)).str("DestinationPortName", portName(dstPort))));
    }

    /** Sysmon 10, {@code source} opening a handle to {@code target}. */
    void processAccess(Timeline tl, long at, Timeline.Step step, Proc source, Proc target, String access,
                       String callTrace) {
        tl.at(at, step, out -> sysmon(out, source.host(), 10, "Process accessed (rule: ProcessAccess)", d -> d
                .str("RuleName", "-").str("UtcTime", Ts.sysmon(out.at())).str("SourceProcessGUID", source.guid())
                .str("SourceProcessId", Integer.toString(source.pid()))
                .str("SourceThreadId", Integer.toString(source.pid() + 4 * (1 + source.pid() % 97)))
                .str("SourceImage", source.image()).str("TargetProcessGUID", target.guid())
                .str("TargetProcessId", Integer.toString(target.pid())).str("TargetImage", target.image())
                .str("GrantedAccess", access).str("CallTrace", callTrace).str("SourceUser", source.user())
                .str("TargetUser", target.user())));
    }

    /** Sysmon 11, a file created by {@code p}. */
    void fileCreate(Timeline tl, long at, Timeline.Step step, Proc p, String path) {
        tl.at(at, step, out -> sysmon(out, p.host(), 11, "File created (rule: FileCreate)", d -> d
                .str("RuleName", "-").str("UtcTime", Ts.sysmon(out.at())).str("ProcessGuid", p.guid())
                .str("ProcessId", Integer.toString(p.pid())).str("Image", p.image()).str("TargetFilename", path)
                .str("CreationUtcTime", Ts.sysmon(out.at())).str("User", p.user())));
    }

    /** Sysmon 13, a registry value set by {@code p}. */
    void registrySet(Timeline tl, long at, Timeline.Step step, Proc p, String targetObject, String details) {
        tl.at(at, step, out -> sysmon(out, p.host(), 13, "Registry value set (rule: RegistryEvent)", d -> d
                .str("RuleName", "-").str("EventType", "SetValue").str("UtcTime", Ts.sysmon(out.at()))
                .str("ProcessGuid", p.guid()).str("ProcessId", Integer.toString(p.pid())).str("Image", p.image())
                .str("TargetObject", targetObject).str("Details", details).str("User", p.user())));
    }

    /** Sysmon 22, a DNS query made by {@code p}. */
    void dnsQuery(Timeline tl, long at, Timeline.Step step, Proc p, String name, String result) {
        tl.at(at, step, out -> sysmon(out, p.host(), 22, "Dns query (rule: DnsQuery)", d -> d
                .str("RuleName", "-").str("UtcTime", Ts.sysmon(out.at())).str("ProcessGuid", p.guid())
                .str("ProcessId", Integer.toString(p.pid())).str("QueryName", name)
                .str("QueryStatus", result == null ? "9003" : "0")
                .str("QueryResults", result == null ? "-" : "::ffff:" + result + ";").str("Image", p.image())
                .str("User", p.user())));
    }

    /** Security 4624 (success) or 4625 (failure) on {@code host}. */
    void logon(Timeline tl, long at, Timeline.Step step, Host host, boolean success, String user, String domain,
               int logonType, String ip, int port, String workstation, String logonId) {
        boolean network = logonType == 3;
        String process = logonType == 2 || logonType == 7 || logonType == 11 ? "User32 " : network
                ? (workstation.equals("-") ? "Kerberos" : "NtLmSsp ") : "Advapi  ";
        String pkg = process.equals("NtLmSsp ") ? "NTLM" : process.equals("Kerberos") ? "Kerberos" : "Negotiate";
        tl.at(at, step, out -> security(out, host, success ? 4624 : 4625, "Logon", d -> {
            d.str("SubjectUserSid", network ? "S-1-0-0" : "S-1-5-18")
                    .str("SubjectUserName", network ? "-" : host.name().toUpperCase(Locale.ROOT) + "$")
                    .str("SubjectDomainName", network ? "-" : world.domain())
                    .str("SubjectLogonId", network ? "0x0" : "0x3e7")
                    .str("TargetUserSid", success ? world.sidOf(user) : "S-1-0-0").str("TargetUserName", user)
                    .str("TargetDomainName", domain);
            if (success) {
                d.str("TargetLogonId", logonId);
            } else {
                d.str("Status", "0xc000006d").str("FailureReason", "%%2313").str("SubStatus", "0xc000006a");
            }
            d.str("LogonType", Integer.toString(logonType)).str("LogonProcessName", process)
                    .str("AuthenticationPackageName", pkg).str("WorkstationName", workstation)
                    .str("ProcessId", network ? "0x0" : "0x" + Integer.toHexString(host.lsassPid() + 96))
                    .str("ProcessName", network ? "-" : "C:\\Windows\\System32\\svchost.exe")
                    .str("IpAddress", ip).str("IpPort", Integer.toString(port));
            if (success) {
                d.str("ImpersonationLevel", "%%1833").str("ElevatedToken", "%%1842");
            }
        }));
    }

    /** Security 4720, a user account created. */
    void userCreated(Timeline tl, long at, Timeline.Step step, Host host, String subject, String newUser) {
        tl.at(at, step, out -> security(out, host, 4720, "User Account Management", d -> d
                .str("TargetUserName", newUser).str("TargetDomainName", domainOf(host))
                .str("SubjectUserName", subject).str("SubjectDomainName", world.domain())
                .str("SamAccountName", newUser).str("DisplayName", "%%1793").str("UserPrincipalName", "-")
                .str("PrimaryGroupId", "513").str("UserAccountControl", "%%2080 %%2082 %%2084")));
    }

    /** Security 4732, a member added to a security-enabled local group. */
    void groupMemberAdded(Timeline tl, long at, Timeline.Step step, Host host, String subject, String member,
                          String group) {
        tl.at(at, step, out -> security(out, host, 4732, "Security Group Management", d -> d
                .str("MemberName", "-").str("MemberSid", domainOf(host) + "\\" + member).str("TargetUserName", group)
                .str("TargetDomainName", "Builtin").str("TargetSid", group.equals("Administrators")
                        ? "S-1-5-32-544" : "S-1-5-32-555")
                .str("SubjectUserName", subject).str("SubjectDomainName", world.domain())));
    }

    /** Security 4698, a scheduled task created. */
    void taskCreated(Timeline tl, long at, Timeline.Step step, Host host, String subject, String taskName,
                     String command, String arguments) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Task version=\"1.2\" xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">"
                + "<Actions Context=\"Author\"><Exec><Command>" + escapeXml(command) + "</Command>"
                + (arguments.isEmpty() ? "" : "<Arguments>" + escapeXml(arguments) + "</Arguments>")
                + "</Exec></Actions></Task>";
        tl.at(at, step, out -> security(out, host, 4698, "Other Object Access Events", d -> d
                .str("SubjectUserName", subject).str("SubjectDomainName", world.domain())
                .str("TaskName", taskName.startsWith("\\") ? taskName : "\\" + taskName).str("TaskContent", xml)));
    }

    /** System 7045, a service installed. */
    void serviceInstalled(Timeline tl, long at, Timeline.Step step, Host host, String name, String imagePath,
                          String account) {
        tl.at(at, step, out -> render(out, host, SYSTEM, "System", SCM_PROVIDER, SCM_GUID, 7045, "None", d -> d
                .str("ServiceName", name).str("ImagePath", imagePath).str("ServiceType", "user mode service")
                .str("StartType", "demand start").str("AccountName", account)));
    }

    private void sysmon(Timeline.Out out, Host host, int id, String task, java.util.function.Consumer<Json> data) {
        render(out, host, SYSMON, "Microsoft-Windows-Sysmon/Operational", SYSMON_PROVIDER, SYSMON_GUID, id, task, data);
    }

    private void security(Timeline.Out out, Host host, int id, String task, java.util.function.Consumer<Json> data) {
        render(out, host, SECURITY, "Security", SECURITY_PROVIDER, SECURITY_GUID, id, task, data);
    }

    private void render(Timeline.Out out, Host host, int channel, String channelName, String provider,
                        String providerGuid, int id, String task, java.util.function.Consumer<Json> data) {
        String rid = Long.toString(out.recordId(host, channel));
        String code = Integer.toString(id);
        Json j = new Json().str("@timestamp", Ts.isoMillis(out.at()))
                .begin("event").str("code", code).str("kind", "event").str("provider", provider)
                .str("outcome", id == 4625 ? "failure" : "success").end()
                .begin("host").str("name", host.name().toLowerCase(Locale.ROOT)).end()
                .begin("winlog").str("channel", channelName).str("event_id", code)
                .str("computer_name", host.computerName()).str("provider_name", provider)
                .str("provider_guid", providerGuid).str("record_id", rid).str("api", "wineventlog").str("task", task)
                .begin("event_data");
        data.accept(j);
        j.end().end();
        out.emit(channel == SYSMON ? LogFile.WINDOWS_SYSMON : LogFile.WINDOWS_SECURITY, j.toString(), rid);
    }

    private String domainOf(Host host) {
        return host.role() == Host.Role.DOMAIN_CONTROLLER ? world.domain() : host.name().toUpperCase(Locale.ROOT);
    }

    private static String originalName(String image) {
        String f = image.substring(image.lastIndexOf('\\') + 1);
        return switch (f.toLowerCase(Locale.ROOT)) {
            case "powershell.exe" -> "PowerShell.EXE";
            case "cmd.exe" -> "Cmd.Exe";
            case "rundll32.exe" -> "RUNDLL32.EXE";
            case "net.exe" -> "net.exe";
            case "net1.exe" -> "net1.exe";
            default -> f.toLowerCase(Locale.ROOT).startsWith("procdump") ? "procdump" : f;
        };
    }

    private static String portName(int port) {
        return switch (port) {
            case 443 -> "https";
            case 80 -> "http";
            case 445 -> "microsoft-ds";
            case 135 -> "epmap";
            case 5985 -> "wsman";
            case 3389 -> "ms-wbt-server";
            case 53 -> "domain";
            case 22 -> "ssh";
            default -> "-";
        };
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
