package dev.vigil.simulate;

/** The renderers and estate every activity and attack draws on, for one run. */
record Context(World world, Timeline tl, Windows win, Net net, Cloud cloud) {

    /** explorer.exe of {@code a} on their workstation, stable for the run. */
    Proc explorer(Account a) {
        Host h = a.home();
        return new Proc(h, 4 * (1000 + Math.floorMod(a.name().hashCode(), 1500)),
                "{" + h.guidPrefix() + "-0b2c-6560-4d01-000000000e00}", "C:\\Windows\\explorer.exe",
                "C:\\Windows\\Explorer.EXE", user(a), "Medium", "C:\\Windows\\system32\\");
    }

    Proc services(Host h) {
        return Proc.system(h, "C:\\Windows\\System32\\services.exe", h.lsassPid() - 12, "C:\\Windows\\system32\\services.exe");
    }

    Proc lsass(Host h) {
        return Proc.system(h, "C:\\Windows\\System32\\lsass.exe", h.lsassPid(), "C:\\Windows\\system32\\lsass.exe");
    }

    Proc svchost(Host h) {
        return Proc.system(h, "C:\\Windows\\System32\\svchost.exe", h.lsassPid() + 96,
                "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule");
    }

    Proc wmiPrvSe(Host h) {
        return Proc.system(h, "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe", h.lsassPid() + 2_436,
                "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding");
    }

    String user(Account a) {
        return world.domain() + "\\" + a.name();
    }

    /** A plausible TargetLogonId. */
    static String logonId(Rng rng) {
        return "0x" + Long.toHexString(rng.between(0x100000L, 0x9ffffffL));
    }
}
