/** Which webhooks an event matches and what each is sent: filters, event-type patterns, trigger and body templates. */
package io.hookline.rules;
