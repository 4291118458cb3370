package dev.vigil.simulate;

/**
 * One interactive SSH session on a Linux server: sshd acceptance, the PAM session, sudo commands with their auditd
 * execve records, and the close. Shared by admins and the brute-force attack so both look the same.
 */
final class LinuxSession {

    private final Context ctx;
    private final Rng rng;
    private final Host host;
    private final String user;
    private final int uid;
    private final int sshdPid;
    private final int shellPid;
    private final int session;
    private final String tty;

    LinuxSession(Context ctx, Rng rng, Host host, String user, int uid) {
        this.ctx = ctx;
        this.rng = rng;
        this.host = host;
        this.user = user;
        this.uid = uid;
        this.sshdPid = rng.between(2_000, 400_000);
        this.shellPid = sshdPid + rng.between(2, 40);
        this.session = rng.between(3, 9_000);
        this.tty = "pts" + rng.between(0, 4);
    }

    /** Accepted publickey or password, session opened; returns when the shell is ready. */
    long open(long at, Timeline.Step step, String fromIp, int fromPort, boolean publickey) {
        String tag = "sshd[" + sshdPid + "]";
        String how = publickey ? "publickey for " + user + " from " + fromIp + " port " + fromPort + " ssh2: "
                + rng.pick("ED25519", "RSA") + " SHA256:" + fingerprint()
                : "password for " + user + " from " + fromIp + " port " + fromPort + " ssh2";
        Linux.auth(ctx.tl(), at, step, host, tag, "Accepted " + how);
        Linux.auth(ctx.tl(), at + rng.between(1_000, 9_000), step, host, tag,
                "pam_unix(sshd:session): session opened for user " + user + "(uid=" + uid + ") by (uid=0)");
        long ready = at + rng.between(60_000, 400_000);
        Linux.exec(ctx.tl(), ready, step, host, shellPid, sshdPid, uid, uid, session, tty, "/usr/bin/bash",
                java.util.List.of("-bash"), "exec");
        return ready;
    }

    /** sudo as auth.log and auditd report it. */
    void sudo(long at, Timeline.Step step, String command) {
        String pwd = "/home/" + user;
        Linux.auth(ctx.tl(), at, step, host, "sudo", "   " + user + " : TTY=" + tty.replace("pts", "pts/")
                + " ; PWD=" + pwd + " ; USER=root ; COMMAND=" + command);
        Linux.auth(ctx.tl(), at + rng.between(500, 4_000), step, host, "sudo",
                "pam_unix(sudo:session): session opened for user root(uid=0) by " + user + "(uid=" + uid + ")");
        int sudoPid = shellPid + rng.between(10, 5_000);
        java.util.List<String> argv = new java.util.ArrayList<>();
        argv.add("sudo");
        argv.addAll(java.util.List.of(command.split(" ")));
        Linux.exec(ctx.tl(), at - rng.between(1_000, 30_000), step, host, sudoPid, shellPid, uid, uid, session, tty,
                "/usr/bin/sudo", argv, "exec");
        java.util.List<String> inner = java.util.List.of(command.split(" "));
        Linux.exec(ctx.tl(), at + rng.between(5_000, 40_000), step, host, sudoPid + 1, sudoPid, 0, uid, session, tty,
                inner.getFirst(), inner, "exec");
        Linux.auth(ctx.tl(), at + rng.between(200_000, 20_000_000), step, host, "sudo",
                "pam_unix(sudo:session): session closed for user root");
    }

    void close(long at, Timeline.Step step) {
        String tag = "sshd[" + sshdPid + "]";
        Linux.auth(ctx.tl(), at, step, host, tag, "pam_unix(sshd:session): session closed for user " + user);
    }

    private String fingerprint() {
        return rng.base62(43).replace('z', '+').replace('Z', '/');
    }
}
