package io.hookline.dispatcher.notify;

import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.config.SmtpSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails a webhook's {@code failure_notification_email} when a delivery is exhausted or the endpoint is disabled, at
 * most once per webhook per interval. SMTP runs on its own thread so a slow mail server never holds deliveries.
 */
@Singleton
public class FailureMailer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FailureMailer.class);

    private final SmtpSettings settings;
    private final MailThrottle throttle;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dispatcher-mail");
        thread.setDaemon(true);
        return thread;
    });
    private final Session session;

    public FailureMailer(SmtpSettings settings, MailThrottle throttle) {
        this.settings = settings;
        this.throttle = throttle;
        this.session = settings.enabled() ? session(settings) : null;
    }

    public void notifyFailure(WebhookConfig webhook, String subject, String text) {
        String to = webhook.failureNotificationEmail();
        if (session == null || to == null || to.isBlank() || !throttle.tryAcquire(webhook.id(), Instant.now())) {
            return;
        }
        sender.execute(() -> send(to, "[Hookline] " + subject, text));
    }

    private void send(String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            LOG.error("Cannot mail the failure notification to {}", to, e);
        }
    }

    private static Session session(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        if (settings.username() == null) {
            return Session.getInstance(properties);
        }
        properties.put("mail.smtp.auth", "true");
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
            }
        });
    }

    @PreDestroy
    @Override
    public void close() {
        sender.shutdown();
    }
}
