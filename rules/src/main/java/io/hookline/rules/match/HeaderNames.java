package io.hookline.rules.match;

/** HTTP header names as RFC 9110 defines tokens: visible ASCII without separators. */
final class HeaderNames {

    private static final String SEPARATORS = "\"(),/:;<=>?@[\\]{}";

    private HeaderNames() {
    }

    static boolean isValid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 32 || c >= 127 || SEPARATORS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Header values must not smuggle a line break into the request. */
    static boolean isValidValue(String value) {
        return value.indexOf('\r') < 0 && value.indexOf('\n') < 0;
    }
}
