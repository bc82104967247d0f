package io.hookline.contracts.crypto;

import java.util.List;

/** A secret sealed with a key this service was not given: the key ring lacks a key that is still in use. */
public final class UnknownKeyException extends IllegalArgumentException {

    private final String keyId;

    UnknownKeyException(String keyId, List<String> configured) {
        super("cannot decrypt secret: it was encrypted with key " + keyId + ", which is not configured (configured: "
                + configured + "); add that key to hookline.secrets.keys, or re-encrypt before removing it");
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
