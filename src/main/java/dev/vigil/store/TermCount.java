package dev.vigil.store;

/** One value of a field and how many matching events carry it (an event with the value twice counts once). */
public record TermCount(String value, long count) {
}
