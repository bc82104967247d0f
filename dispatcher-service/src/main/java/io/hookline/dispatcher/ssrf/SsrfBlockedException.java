package io.hookline.dispatcher.ssrf;

import java.net.UnknownHostException;

/**
 * A target that resolves to an address webhooks must not reach. It extends {@link UnknownHostException} because it is
 * thrown where the HTTP client resolves names, which may only throw that.
 */
public final class SsrfBlockedException extends UnknownHostException {

    public SsrfBlockedException(String message) {
        super(message);
    }
}
