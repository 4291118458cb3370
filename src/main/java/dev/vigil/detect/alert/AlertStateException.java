package dev.vigil.detect.alert;

/** A lifecycle step the alert's status does not allow (closing a closed alert); the message says why. */
public final class AlertStateException extends RuntimeException {

    public AlertStateException(String message) {
        super(message);
    }
}
