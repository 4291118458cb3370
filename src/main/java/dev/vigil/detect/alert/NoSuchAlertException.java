package dev.vigil.detect.alert;

/** An alert id the tenant does not have; another tenant's alerts are indistinguishable from missing ones. */
public final class NoSuchAlertException extends RuntimeException {

    public NoSuchAlertException(String id) {
        super("no alert " + id);
    }
}
