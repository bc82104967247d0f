package io.hookline.dispatcher.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Installation-wide settings the dispatcher reads: {@code hookline.local-mode} allows loopback and private targets. */
@ConfigurationProperties("hookline")
public record HooklineSettings(@Bindable(defaultValue = "false") boolean localMode) {
}
