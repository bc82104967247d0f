package io.hookline.dispatcher.notify;

import java.time.Instant;

/** The last failure mail about one webhook. */
public record MailSent(String webhookId, Instant sentAt) {
}
