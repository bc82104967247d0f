package io.hookline.config.secrets;

import io.hookline.config.store.WebhookStore;
import io.hookline.config.webhook.WebhookAssembler;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.store.ConfigWriter;
import io.hookline.service.store.WritePlan;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the secrets of every webhook, of every tenant, to the newest key. Each webhook is one compare-and-set through
 * {@link ConfigWriter}, read again inside it, so a change made meanwhile through the API is never overwritten; the
 * next version carries the same secrets under the new key. A webhook that no configured key opens is left as it is
 * and reported; the others go on.
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
        List<Failure> failed = new ArrayList<>();
        for (WebhookConfig listed : store.listAll()) {
            try {
                boolean written = writer.write(() -> store.find(listed.tenant(), listed.id())
                        .map(assembler::resealed)
                        .map(next -> WritePlan.of(store.put(next), true))
                        .orElseGet(() -> WritePlan.nothing(false)));
                if (written) {
                    changed++;
                } else {
                    unchanged++;
                }
            } catch (IllegalArgumentException e) {
                failed.add(new Failure(listed.id(), listed.tenant(), e.getMessage()));
            }
        }
        return new Reencrypted(cipher.primaryKeyId(), changed, unchanged, failed);
    }

    /**
     * @param keyId       the key every secret is now sealed with
     * @param reencrypted webhooks written again with the new key
     * @param unchanged   webhooks already on it (or deleted meanwhile)
     * @param failed      webhooks left as they were because a secret did not open (a key missing from the ring)
     */
    public record Reencrypted(String keyId, int reencrypted, int unchanged, List<Failure> failed) {
    }

    /** A webhook that could not be re-encrypted, and why. */
    public record Failure(String id, String tenant, String error) {
    }
}
