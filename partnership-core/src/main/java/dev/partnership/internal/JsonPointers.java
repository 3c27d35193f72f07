package dev.partnership.internal;

/** Builds RFC 6901 JSON pointers for problem locations. */
public final class JsonPointers {
    private JsonPointers() {
    }

    /**
     * Escapes one reference token: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}.
     *
     * @param token a property name
     * @return the escaped token
     */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Appends a property name to a pointer.
     *
     * @param pointer  the parent pointer ({@code ""} for the document)
     * @param property the property name
     * @return the child pointer
     */
    public static String child(String pointer, String property) {
        return pointer + "/" + escape(property);
    }

    /**
     * Appends an array index to a pointer.
     *
     * @param pointer the parent pointer
     * @param index   the index
     * @return the child pointer
     */
    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
