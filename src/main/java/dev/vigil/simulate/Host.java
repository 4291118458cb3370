package dev.vigil.simulate;

/**
 * One machine in the simulated estate.
 *
 * @param index       position in {@link World#hosts()}
 * @param name        short host name as it appears in syslog and Zeek
 * @param fqdn        fully qualified name as Windows reports it
 * @param ip          its address
 * @param role        what kind of machine it is
 * @param counterBase where its record-id and audit-serial counters start (hosts are not freshly installed)
 * @param lsassPid    process id of lsass.exe (Windows) or sshd (Linux), stable for the whole run
 * @param guidPrefix  first group of Sysmon process GUIDs on this machine
 */
record Host(int index, String name, String fqdn, String ip, Role role, long counterBase, int lsassPid,
            String guidPrefix) {

    /** What kind of machine a host is. */
    enum Role { WORKSTATION, WINDOWS_SERVER, DOMAIN_CONTROLLER, LINUX_SERVER }

    boolean windows() {
        return role != Role.LINUX_SERVER;
    }

    /** The Winlogbeat computer name: upper-case host, lower-case domain. */
    String computerName() {
        return fqdn;
    }
}
