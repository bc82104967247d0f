package io.hookline.config.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.error.ProblemException;
import io.hookline.config.metrics.ConfigMetrics;
import io.hookline.config.metrics.ConfigMetrics.Write;
import io.hookline.config.store.WebhookStore;
import io.hookline.config.subscription.Subscriptions;
import io.hookline.config.templates.TemplateApplication;
import io.hookline.config.validation.TenantQuota;
import io.hookline.config.validation.WebhookChanges;
import io.hookline.config.validation.WebhookRequestReader;
import io.hookline.config.validation.WebhookValidator;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.store.ConfigWriter;
import io.hookline.service.store.TopicWrite;
import io.hookline.service.store.WritePlan;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, changes and deletes webhooks. Each change reads the current state, checks it and writes the next version
 * inside {@link ConfigWriter}, so the check and the write cannot be split by another writer. Deleting a webhook ends
 * its subscriptions in the same transaction.
 */
@Singleton
public final class WebhookService {

    private final WebhookStore store;
    private final ConfigWriter writer;
    private final WebhookRequestReader reader;
    private final WebhookValidator validator;
    private final WebhookAssembler assembler;
    private final TenantQuota quota;
    private final ConfigMetrics metrics;
    private final TemplateApplication templates;
    private final Subscriptions subscriptions;

    public WebhookService(WebhookStore store, ConfigWriter writer, WebhookRequestReader reader,
                          WebhookValidator validator, WebhookAssembler assembler, TenantQuota quota,
                          ConfigMetrics metrics, TemplateApplication templates, Subscriptions subscriptions) {
        this.templates = templates;
        this.subscriptions = subscriptions;
        this.quota = quota;
        this.metrics = metrics;
        this.store = store;
        this.writer = writer;
        this.reader = reader;
        this.validator = validator;
        this.assembler = assembler;
    }

    public AssembledWebhook create(String tenant, JsonNode body) {
        WebhookChanges changes = reader.read(templates.applyOnCreate(body));
        AssembledWebhook written = writer.write(() -> {
            String id = WebhookIds.next();
            while (store.exists(id)) {
                id = WebhookIds.next();
            }
            List<WebhookConfig> existing = store.list(tenant);
            quota.checkRoomForOneMore(tenant, existing);
            AssembledWebhook created = assembler.create(id, tenant, changes);
            validator.validate(created.config(), existing);
            return WritePlan.of(store.put(created.config()), created);
        });
        metrics.written(Write.WEBHOOK_CREATED);
        return written;
    }

    /** Changes only the fields given (PUT and PATCH alike, as in OnCall). */
    public AssembledWebhook update(String tenant, String id, JsonNode body, Long ifMatch) {
        templates.refuseOnUpdate(body);
        WebhookChanges changes = reader.read(body);
        Long expected = expectedVersion(ifMatch, changes.expectedVersion());
        AssembledWebhook written = writer.write(() -> {
            WebhookConfig current = store.get(tenant, id);
            checkVersion(current, expected);
            AssembledWebhook updated = assembler.update(current, changes);
            validator.validate(updated.config(), store.list(tenant));
            return WritePlan.of(store.put(updated.config()), updated);
        });
        metrics.written(Write.WEBHOOK_UPDATED);
        return written;
    }

    public void delete(String tenant, String id, Long ifMatch) {
        writer.write(() -> {
            WebhookConfig current = store.get(tenant, id);
            checkVersion(current, ifMatch);
            List<TopicWrite> writes = new ArrayList<>(subscriptions.endAll(id));
            writes.add(store.delete(id));
            return new WritePlan<>(writes, current);
        });
        metrics.written(Write.WEBHOOK_DELETED);
    }

    public AssembledWebhook rotateSecret(String tenant, String id, Long ifMatch) {
        AssembledWebhook written = writer.write(() -> {
            WebhookConfig current = store.get(tenant, id);
            checkVersion(current, ifMatch);
            AssembledWebhook rotated = assembler.rotateSecret(current);
            return WritePlan.of(store.put(rotated.config()), rotated);
        });
        metrics.written(Write.WEBHOOK_SECRET_ROTATED);
        return written;
    }

    private static Long expectedVersion(Long ifMatch, Long inBody) {
        if (ifMatch != null && inBody != null && !ifMatch.equals(inBody)) {
            throw ProblemException.invalid("version", "differs from the If-Match header (" + ifMatch + ")");
        }
        return ifMatch != null ? ifMatch : inBody;
    }

    private static void checkVersion(WebhookConfig current, Long expected) {
        if (expected != null && expected != current.version()) {
            throw ProblemException.conflict("Webhook " + current.id() + " is at version " + current.version()
                    + ", not " + expected + ": it changed since you read it; read it again and retry");
        }
    }
}
