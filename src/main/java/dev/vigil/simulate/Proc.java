package dev.vigil.simulate;

/**
 * A running Windows process, so that parent and child events, network and file events share ids.
 *
 * @param host        where it runs
 * @param pid         process id
 * @param guid        Sysmon ProcessGuid
 * @param image       full path of the executable
 * @param commandLine its command line
 * @param user        {@code DOMAIN\name} as Sysmon reports it
 * @param integrity   Low, Medium, High or System
 * @param cwd         current directory
 */
record Proc(Host host, int pid, String guid, String image, String commandLine, String user, String integrity,
            String cwd) {

    /** A new process on {@code host} with fresh pid and GUID. */
    static Proc start(Rng rng, Host host, String image, String commandLine, String user, String integrity, String cwd) {
        String guid = "{" + host.guidPrefix() + "-" + rng.hex(4) + "-" + rng.hex(4) + "-" + rng.hex(4) + "-"
                + rng.hex(4) + "00000000}";
        return new Proc(host, 4 * rng.between(250, 16_000), guid, image, commandLine, user, integrity, cwd);
    }

    /** The executable's file name, e.g. {@code cmd.exe}. */
    String fileName() {
        return image.substring(image.lastIndexOf('\\') + 1);
    }

    /** The account without its domain. */
    String userName() {
        return user.substring(user.indexOf('\\') + 1);
    }

    /** The long-running system processes every Windows host has. */
    static Proc system(Host host, String image, int pid, String commandLine) {
        return new Proc(host, pid, "{" + host.guidPrefix() + "-0001-0000-" + Ts.pad(pid % 10_000, 4) + "-000000000000}",
                image, commandLine, "NT AUTHORITY\\SYSTEM", "System", "C:\\Windows\\system32\\");
    }
}
