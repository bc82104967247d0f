package io.hookline.dispatcher.dns;

import java.net.UnknownHostException;

/**
 * A host whose addresses did not come in time. It extends {@link UnknownHostException} because it is thrown where the
 * HTTP client resolves names, which may only throw that.
 */
public final class DnsTimeoutException extends UnknownHostException {

    public DnsTimeoutException(String message) {
        super(message);
    }
}
