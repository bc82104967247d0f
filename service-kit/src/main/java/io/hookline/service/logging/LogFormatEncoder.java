package io.hookline.service.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;

/**
 * The services' log encoder: the {@link #setPattern pattern} as text, or one JSON object per line (logback's
 * {@link JsonEncoder}: {@code formattedMessage}, the MDC under {@code mdc}) when {@code HOOKLINE_LOG_FORMAT} (or the system property
 * {@code hookline.log.format}) is {@code json}. Chosen once, when logging starts: logback reads its configuration
 * before the application's own.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

    public static final String ENVIRONMENT_VARIABLE = "HOOKLINE_LOG_FORMAT";
    public static final String SYSTEM_PROPERTY = "hookline.log.format";

    private String pattern = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** {@code json} or {@code text}; anything else is text, so a typo never silences the logs. */
    public static String configuredFormat() {
        String format = System.getProperty(SYSTEM_PROPERTY);
        if (format == null || format.isBlank()) {
            format = System.getenv(ENVIRONMENT_VARIABLE);
        }
        return format != null && format.trim().toLowerCase(Locale.ROOT).equals("json") ? "json" : "text";
    }

    @Override
    public void start() {
        if ("json".equals(configuredFormat())) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(getContext());
            // The line as a reader sees it, besides the template ("message") that groups lines of one kind.
            json.setWithFormattedMessage(true);
            delegate = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(getContext());
            text.setPattern(pattern);
            delegate = text;
        }
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
