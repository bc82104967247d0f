package io.hookline.rules.template;

import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Translates Jinjava's error records into {@link TemplateError}s. */
final class JinjavaErrors {

    private static final Set<ErrorReason> SYNTAX_REASONS =
            Set.of(ErrorReason.SYNTAX_ERROR, ErrorReason.UNKNOWN, ErrorReason.DISABLED);

    private JinjavaErrors() {
    }

    /** Errors that make a template unusable whatever the event: bad syntax, unknown or disabled tags and filters. */
    static List<TemplateError> syntaxErrors(Collection<com.hubspot.jinjava.interpret.TemplateError> errors) {
        return errors.stream()
                .filter(error -> error.getSeverity() == ErrorType.FATAL && SYNTAX_REASONS.contains(error.getReason()))
                .map(error -> convert(error, TemplateError.SYNTAX))
                .toList();
    }

    /** Problems found by the parser alone: every syntax error, even those Jinjava only warns about. */
    static List<TemplateError> parseErrors(Collection<com.hubspot.jinjava.interpret.TemplateError> errors) {
        return errors.stream()
                .filter(error -> error.getSeverity() == ErrorType.FATAL || error.getReason() == ErrorReason.SYNTAX_ERROR)
                .map(error -> convert(error, TemplateError.SYNTAX))
                .toList();
    }

    /** The first error that makes a render unusable: any fatal one, or an exception Jinjava only warned about. */
    static Optional<TemplateError> firstFatal(Collection<com.hubspot.jinjava.interpret.TemplateError> errors) {
        return errors.stream()
                .filter(error -> error.getSeverity() == ErrorType.FATAL || error.getReason() == ErrorReason.EXCEPTION)
                .findFirst()
                .map(error -> convert(error, kindOf(error)));
    }

    static TemplateError fromException(RuntimeException e) {
        return new TemplateError(TemplateError.RENDER, message(e), 0, 0);
    }

    static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String kindOf(com.hubspot.jinjava.interpret.TemplateError error) {
        String text = error.getMessage() == null ? "" : error.getMessage();
        if (text.contains("method calls are not allowed") || text.startsWith("Cannot find method")
                || error.getReason() == ErrorReason.DISABLED) {
            return TemplateError.SANDBOX;
        }
        if (error.getReason() == ErrorReason.OUTPUT_TOO_BIG) {
            return TemplateError.OUTPUT_TOO_LARGE;
        }
        return TemplateError.RENDER;
    }

    private static TemplateError convert(com.hubspot.jinjava.interpret.TemplateError error, String kind) {
        String message = error.getMessage() == null ? error.getReason().name().toLowerCase() : error.getMessage();
        return new TemplateError(kind, message, Math.max(error.getLineno(), 0), Math.max(error.getStartPosition(), 0));
    }
}
