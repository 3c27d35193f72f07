package dev.partnership;

import java.util.Locale;
import java.util.Objects;

/** Checks shared by the model's identifiers and labels. */
final class Identifiers {
    private Identifiers() {
    }

    /** Longest identifier accepted, in characters. */
    static final int MAX_ID_LENGTH = 200;

    static String requireId(String id, String what) {
        Objects.requireNonNull(id, what);
        if (id.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is %d characters long; at most %d are allowed", what, id.length(), MAX_ID_LENGTH));
        }
        return id;
    }

    static String requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text;
    }

    static double requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, was " + value);
        }
        return value;
    }

    static Double requireFiniteOrNull(Double value, String what) {
        return value == null ? null : requireFinite(value, what);
    }
}
