package dev.vigil.simulate;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Renders Linux events: BSD-syslog auth.log lines and auditd execve records (SYSCALL, EXECVE, PROCTITLE). */
final class Linux {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Linux() {
    }

    /**
     * One auth.log line, {@code Mmm dd HH:MM:SS host tag: message}. The label id is the header before the colon.
     *
     * @param tag {@code sshd[2211]}, or {@code sudo} which logs without a pid
     */
    static void auth(Timeline tl, long at, Timeline.Step step, Host host, String tag, String message) {
        tl.at(at, step, out -> {
            String header = Ts.syslog(out.at()) + " " + host.name() + " " + tag;
            out.emit(LogFile.LINUX_AUTH, header + ": " + message, header);
        });
    }

    /** An execve as auditd logs it with {@code name_format = hostname}: three records sharing one serial. */
    static void exec(Timeline tl, long at, Timeline.Step step, Host host, int pid, int ppid, int uid, int auid,
                     int session, String tty, String exe, List<String> argv, String key) {
        tl.at(at, step, out -> {
            String id = Ts.epochMillis(out.at()) + ":" + out.auditSerial(host);
            String prefix = "node=" + host.name() + " type=";
            String msg = " msg=audit(" + id + "): ";
            String comm = argv.getFirst().substring(argv.getFirst().lastIndexOf('/') + 1);
            if (comm.length() > 15) {
                comm = comm.substring(0, 15);
            }
            StringBuilder sys = new StringBuilder(320).append(prefix).append("SYSCALL").append(msg)
                    .append("arch=c000003e syscall=59 success=yes exit=0 a0=").append(Integer.toHexString(0x55d0_0000 + pid * 16))
                    .append(" a1=").append(Integer.toHexString(0x55d0_1000 + ppid * 16)).append(" a2=")
                    .append(Integer.toHexString(0x7ffc_0000 + pid)).append(" a3=0 items=0 ppid=").append(ppid)
                    .append(" pid=").append(pid).append(" auid=").append(auid < 0 ? 4294967295L : auid).append(" uid=").append(uid)
                    .append(" gid=").append(uid).append(" euid=").append(uid).append(" suid=").append(uid)
                    .append(" fsuid=").append(uid).append(" egid=").append(uid).append(" sgid=").append(uid)
                    .append(" fsgid=").append(uid).append(" tty=").append(tty).append(" ses=").append(session < 0 ? 4294967295L : session)
                    .append(" comm=").append(value(comm)).append(" exe=").append(value(exe))
                    .append(" subj=unconfined key=\"").append(key).append('"');
            out.emit(LogFile.LINUX_AUDITD, sys.toString(), id);
            StringBuilder execve = new StringBuilder(160).append(prefix).append("EXECVE").append(msg)
                    .append("argc=").append(argv.size());
            for (int i = 0; i < argv.size(); i++) {
                execve.append(" a").append(i).append('=').append(value(argv.get(i)));
            }
            out.emit(LogFile.LINUX_AUDITD, execve.toString(), id);
            out.emit(LogFile.LINUX_AUDITD, prefix + "PROCTITLE" + msg + "proctitle=" + proctitle(argv), id);
        });
    }

    /** Quoted when printable without spaces or quotes, otherwise hex, as auditd encodes untrusted strings. */
    static String value(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"') {
                return hex(s.getBytes(StandardCharsets.UTF_8));
            }
        }
        return "\"" + s + "\"";
    }

    static String proctitle(List<String> argv) {
        byte[] joined = String.join("\0", argv).getBytes(StandardCharsets.UTF_8);
        if (joined.length > 128) {
            joined = java.util.Arrays.copyOf(joined, 128);
        }
        if (argv.size() == 1 && value(argv.getFirst()).startsWith("\"")) {
            return value(argv.getFirst());
        }
        return hex(joined);
    }

    private static String hex(byte[] bytes) {
        char[] c = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            c[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            c[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(c);
    }
}
