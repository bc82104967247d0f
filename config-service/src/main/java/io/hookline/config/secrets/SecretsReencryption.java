package io.hookline.config.secrets;

import io.hookline.config.store.WebhookStore;
import io.hookline.config.webhook.WebhookAssembler;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.store.ConfigWriter;
import io.hookline.service.store.WritePlan;
import jakarta.inject.Singleton;

/**
 * Moves the secrets of every webhook, of every tenant, to the newest key. Each webhook is one compare-and-set through
 * {@link ConfigWriter}, read again inside it, so a change made meanwhile through the API is never overwritten; the
 * next version carries the same secrets under the new key.
 */
@Singleton
public final class SecretsReencryption {

    private final WebhookStore store;
    private final ConfigWriter writer;
    private final WebhookAssembler assembler;
    private final SecretCipher cipher;

    public SecretsReencryption(WebhookStore store, ConfigWriter writer, WebhookAssembler assembler,
                               SecretCipher cipher) {
        this.store = store;
        this.writer = writer;
        this.assembler = assembler;
        this.cipher = cipher;
    }

    public Reencrypted reencryptAll() {
        int changed = 0;
        int unchanged = 0;
        for (WebhookConfig listed : store.listAll()) {
            boolean written = writer.write(() -> store.find(listed.tenant(), listed.id())
                    .map(assembler::resealed)
                    .map(next -> WritePlan.of(store.put(next), true))
                    .orElseGet(() -> WritePlan.nothing(false)));
            if (written) {
                changed++;
            } else {
                unchanged++;
            }
        }
        return new Reencrypted(cipher.primaryKeyId(), changed, unchanged);
    }

    /**
     * @param keyId       the key every secret is now sealed with
     * @param reencrypted webhooks written again with the new key
     * @param unchanged   webhooks already on it (or deleted meanwhile)
     */
    public record Reencrypted(String keyId, int reencrypted, int unchanged) {
    }
}
