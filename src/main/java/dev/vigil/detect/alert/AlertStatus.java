package dev.vigil.detect.alert;

/** Where an alert is in triage: new, acknowledged by an analyst, or closed with a verdict. */
public enum AlertStatus {
    NEW, ACKNOWLEDGED, CLOSED
}
