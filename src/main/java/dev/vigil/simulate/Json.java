package dev.vigil.simulate;

/** A minimal, allocation-light JSON object writer for one line; the caller nests objects with begin/end. */
final class Json {

    private final StringBuilder sb = new StringBuilder(512);
    private boolean first = true;

    Json() {
        sb.append('{');
    }

    Json str(String name, String value) {
        key(name);
        if (value == null) {
            sb.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    Json num(String name, long value) {
        key(name);
        sb.append(value);
        return this;
    }

    /** A decimal number written verbatim (the caller formats it). */
    Json raw(String name, String literal) {
        key(name);
        sb.append(literal);
        return this;
    }

    Json bool(String name, boolean value) {
        key(name);
        sb.append(value);
        return this;
    }

    Json strings(String name, String... values) {
        key(name);
        sb.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(values[i]);
        }
        sb.append(']');
        return this;
    }

    Json begin(String name) {
        key(name);
        sb.append('{');
        first = true;
        return this;
    }

    Json end() {
        sb.append('}');
        first = false;
        return this;
    }

    @Override
    public String toString() {
        return sb + "}";
    }

    private void key(String name) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        quote(name);
        sb.append(':');
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
