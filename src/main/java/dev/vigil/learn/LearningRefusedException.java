package dev.vigil.learn;

/** Training was not attempted: the switch is off, or the verdicts do not allow an honest train/test split. */
public final class LearningRefusedException extends IllegalStateException {

    public LearningRefusedException(String message) {
        super(message);
    }
}
