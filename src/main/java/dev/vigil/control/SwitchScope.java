package dev.vigil.control;

/** How widely a switch setting applies, widest first; the narrowest matching setting wins. */
public enum SwitchScope {
    GLOBAL, FEATURE, TENANT, SITE
}
