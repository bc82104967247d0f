package io.hookline.config.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.error.ProblemException;
import io.hookline.config.validation.FieldErrors;
import io.hookline.config.validation.WebhookChanges;
import io.hookline.config.validation.WebhookRequestReader;
import io.hookline.config.validation.WebhookValidator;
import io.hookline.config.templates.TemplateApplication;
import io.hookline.config.webhook.WebhookAssembler;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.problem.Problem;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Turns a webhook given inline (preview) into the config it would be stored as, with the same reading and checks as
 * create (a {@code template} included), reporting its problems under a field prefix instead of throwing at the first.
 */
@Singleton
public final class WebhookBodies {

    static final String PREVIEW_ID = "preview";

    private final WebhookRequestReader reader;
    private final WebhookValidator validator;
    private final WebhookAssembler assembler;
    private final TemplateApplication templates;

    public WebhookBodies(WebhookRequestReader reader, WebhookValidator validator, WebhookAssembler assembler,
                         TemplateApplication templates) {
        this.templates = templates;
        this.reader = reader;
        this.validator = validator;
        this.assembler = assembler;
    }

    /** The webhook as create would store it for {@code tenant}, or null after adding its problems to {@code errors}. */
    WebhookConfig read(JsonNode body, String tenant, String prefix, FieldErrors errors) {
        try {
            WebhookChanges changes = reader.read(templates.applyOnCreate(body));
            WebhookConfig config = assembler.create(PREVIEW_ID, tenant, changes).config();
            validator.validate(config, List.of());
            return config;
        } catch (ProblemException e) {
            if (e.problem().errors().isEmpty()) {
                throw e;
            }
            for (Problem.FieldError error : e.problem().errors()) {
                errors.add(error.field().isEmpty() ? prefix : prefix + "." + error.field(), error.message());
            }
            return null;
        }
    }
}
