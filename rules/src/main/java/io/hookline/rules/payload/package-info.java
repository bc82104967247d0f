/** The standard payload of a webhook without a {@code data} template, in each {@code payload_format}. */
package io.hookline.rules.payload;
