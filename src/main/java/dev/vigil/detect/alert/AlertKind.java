package dev.vigil.detect.alert;

/** Which kind of rule raised an alert. */
public enum AlertKind {
    /** A Sigma detection rule matched one event. */
    DETECTION,
    /** A Sigma correlation rule's condition held over a group of rule matches in its timespan. */
    CORRELATION,
    /** Behaviour new for an entity of the tenant (anomaly scoring against its own baselines), explained. */
    ANOMALY,
    /** The appliance itself reports something an analyst must see (an AI feature switched to its fallback). */
    SYSTEM
}
