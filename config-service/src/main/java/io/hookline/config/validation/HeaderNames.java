package io.hookline.config.validation;

import java.util.regex.Pattern;

/** HTTP header names (RFC 9110 tokens) and values safe to send. */
final class HeaderNames {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private HeaderNames() {
    }

    static boolean isValid(String name) {
        return name.length() <= 256 && TOKEN.matcher(name).matches();
    }

    static boolean isValidValue(String value) {
        return value.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
    }
}
