package io.hookline.rules.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The comparison operators of a filter condition, by their wire name ({@code eq}, {@code starts_with}, ...). */
public enum Operator {
    EQ, NEQ, IN, NIN, CONTAINS, STARTS_WITH, ENDS_WITH, REGEX, EXISTS, GT, GTE, LT, LTE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Operator> fromWireName(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName().equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Operator::wireName).toList());
    }
}
