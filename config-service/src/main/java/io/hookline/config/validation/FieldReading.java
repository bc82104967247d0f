package io.hookline.config.validation;

import static io.hookline.config.validation.WebhookFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hookline.config.secrets.SigningSecrets;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.webhook.FailingWindow;
import io.hookline.rules.match.TriggerTypes;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** One reading of one webhook request body, collecting the errors of every field. Not shared between requests. */
final class FieldReading {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RuleChecks rules;
    private final WebhookLimits limits;
    private final Map<String, BiFunction<String, JsonNode, JsonNode>> readers;
    private final FieldErrors errors = new FieldErrors();
    /** The template language the body names; null when it names none (a partial update keeps the stored one). */
    private String templateEngine;

    FieldReading(RuleChecks rules, WebhookLimits limits) {
        this.rules = rules;
        this.limits = limits;
        this.readers = Map.ofEntries(
                Map.entry(NAME, (field, value) -> text(field, value, false, MAX_NAME_CHARS)),
                Map.entry(ENABLED, this::bool),
                Map.entry(TEAM, (field, value) -> text(field, value, true, MAX_TEXT_CHARS)),
                Map.entry(URL, (field, value) -> url(field, value, false)),
                Map.entry(URLS, this::urls),
                Map.entry(HTTP_METHOD, this::httpMethod),
                Map.entry(TRIGGER_TYPE, this::triggerType),
                Map.entry(EVENT_TYPES, this::eventTypes),
                Map.entry(INTEGRATION_FILTER, (field, value) -> textList(field, value, MAX_LIST_ITEMS)),
                Map.entry(FILTER, this::filter),
                Map.entry(TRIGGER_TEMPLATE, this::template),
                Map.entry(DATA, this::template),
                Map.entry(FORWARD_ALL, this::bool),
                Map.entry(HEADERS, this::headers),
                Map.entry(USERNAME, (field, value) -> text(field, value, true, MAX_TEXT_CHARS)),
                Map.entry(PASSWORD, (field, value) -> text(field, value, true, MAX_TEXT_CHARS)),
                Map.entry(AUTHORIZATION_HEADER, (field, value) -> text(field, value, true, MAX_TEXT_CHARS)),
                Map.entry(DESCRIPTION, (field, value) -> text(field, value, true, MAX_TEXT_CHARS)),
                Map.entry(FAILURE_NOTIFICATION_EMAIL, this::email),
                Map.entry(SIGNING_SECRET, this::signingSecret),
                Map.entry(SIGNATURE_SCHEME, this::signatureScheme),
                Map.entry(MAX_RETRIES, (field, value) -> integer(field, value, false, 0, MAX_RETRIES_LIMIT)),
                Map.entry(TIMEOUT_MS, (field, value) -> integer(field, value, false, 1, MAX_TIMEOUT_MS)),
                Map.entry(RATE_LIMIT, (field, value) -> integer(field, value, true, 1, 100_000)),
                Map.entry(ORDERING, this::ordering),
                Map.entry(PAYLOAD_FORMAT, (field, value) -> oneOf(field, value, PAYLOAD_FORMATS)),
                Map.entry(REQUEST_TEMPLATE, this::template),
                Map.entry(TEMPLATE_ENGINE, (field, value) -> oneOf(field, value, TEMPLATE_ENGINES)),
                Map.entry(PUBLISH_RESPONSES, this::bool),
                Map.entry(FORWARDING, (field, value) -> oneOf(field, value, FORWARDING_MODES)),
                Map.entry(UNSUBSCRIBE_ON, this::eventTypes),
                Map.entry(DISABLE_AFTER_FAILING, this::failingWindow));
    }

    WebhookChanges read(JsonNode body) {
        if (body == null || !body.isObject()) {
            errors.add("", JsonTypes.mustBe("a JSON object", body));
            errors.throwIfAny();
        }
        templateEngine = namedTemplateEngine(body);
        ObjectNode fields = NODES.objectNode();
        Long expectedVersion = null;
        Iterator<Map.Entry<String, JsonNode>> entries = body.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            if (VERSION.equals(field)) {
                JsonNode version = integer(field, value, true, 0, Integer.MAX_VALUE);
                expectedVersion = version == null || version.isNull() ? null : version.longValue();
            } else if (READ_ONLY.contains(field)) {
                continue;
            } else if (!readers.containsKey(field)) {
                errors.add(field, "unknown field");
            } else if (isMaskedSecret(field, value)) {
                continue; // a secret read back masked and sent again unchanged
            } else {
                JsonNode read = readers.get(field).apply(field, value);
                if (read != null) {
                    fields.set(field, read);
                }
            }
        }
        errors.throwIfAny();
        return new WebhookChanges(fields, expectedVersion);
    }

    private static String namedTemplateEngine(JsonNode body) {
        JsonNode engine = body.get(TEMPLATE_ENGINE);
        return engine != null && engine.isTextual() && TEMPLATE_ENGINES.contains(engine.textValue())
                ? engine.textValue() : null;
    }

    private static boolean isMaskedSecret(String field, JsonNode value) {
        boolean secret = USERNAME.equals(field) || PASSWORD.equals(field) || AUTHORIZATION_HEADER.equals(field)
                || SIGNING_SECRET.equals(field);
        return secret && value.isTextual() && SecretCipher.MASK.equals(value.textValue());
    }

    private JsonNode text(String field, JsonNode value, boolean nullable, int maxChars) {
        if (value.isNull()) {
            return nullable ? value : error(field, "must not be null");
        }
        if (!value.isTextual()) {
            return error(field, JsonTypes.mustBe("a string", value));
        }
        String text = value.textValue();
        if (!nullable && text.isBlank()) {
            return error(field, "must not be blank");
        }
        if (text.length() > maxChars) {
            return error(field, "must be at most " + maxChars + " characters");
        }
        return value;
    }

    private JsonNode bool(String field, JsonNode value) {
        if (value.isNull()) {
            return error(field, "must not be null");
        }
        return value.isBoolean() ? value : error(field, JsonTypes.mustBe("true or false", value));
    }

    private JsonNode integer(String field, JsonNode value, boolean nullable, int min, int max) {
        if (value.isNull()) {
            return nullable ? value : error(field, "must not be null");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            return error(field, JsonTypes.mustBe("a whole number", value));
        }
        int number = value.intValue();
        if (number < min || number > max) {
            return error(field, "must be between " + min + " and " + max + ", was " + number);
        }
        return value;
    }

    private JsonNode url(String field, JsonNode value, boolean nullable) {
        JsonNode text = text(field, value, nullable, limits.urlChars());
        if (text == null || text.isNull()) {
            return text;
        }
        return WebhookUrls.problemWith(text.textValue()).map(problem -> error(field, problem)).orElse(text);
    }

    private JsonNode urls(String field, JsonNode value) {
        if (value.isNull()) {
            return NODES.arrayNode();
        }
        if (!value.isArray()) {
            return error(field, JsonTypes.mustBe("an array of URLs", value));
        }
        if (value.size() > limits.urlsPerWebhook()) {
            return error(field, "must hold at most " + limits.urlsPerWebhook() + " URLs (hookline.limits.urls-per-webhook)");
        }
        ArrayNode urls = NODES.arrayNode();
        for (int i = 0; i < value.size(); i++) {
            JsonNode url = url(field + "[" + i + "]", value.get(i), false);
            if (url != null) {
                urls.add(url);
            }
        }
        return urls;
    }

    private JsonNode httpMethod(String field, JsonNode value) {
        JsonNode text = text(field, value, false, 10);
        if (text == null) {
            return null;
        }
        String method = text.textValue().toUpperCase(Locale.ROOT);
        return HTTP_METHODS.contains(method) ? TextNode.valueOf(method) : error(field, "must be one of " + HTTP_METHODS);
    }

    private JsonNode triggerType(String field, JsonNode value) {
        JsonNode text = text(field, value, true, 100);
        if (text == null || text.isNull()) {
            return text;
        }
        return TriggerTypes.normalize(text.textValue()).<JsonNode>map(TextNode::valueOf)
                .orElseGet(() -> error(field, "unknown trigger type; one of " + TriggerTypes.all()));
    }

    private JsonNode eventTypes(String field, JsonNode value) {
        JsonNode list = textList(field, value, MAX_LIST_ITEMS);
        if (list == null || list.isNull()) {
            return list == null ? null : NODES.arrayNode();
        }
        for (int i = 0; i < list.size(); i++) {
            String pattern = list.get(i).textValue();
            int star = pattern.indexOf('*');
            if (pattern.isBlank() || pattern.chars().anyMatch(Character::isWhitespace)) {
                error(field + "[" + i + "]", "must be an event type or pattern without spaces");
            } else if (star >= 0 && star != pattern.length() - 1) {
                error(field + "[" + i + "]", "a pattern may only end with * (incident.*, *)");
            }
        }
        return list;
    }

    private JsonNode textList(String field, JsonNode value, int maxItems) {
        if (value.isNull()) {
            return value;
        }
        if (!value.isArray()) {
            return error(field, JsonTypes.mustBe("an array of strings", value));
        }
        if (value.size() > maxItems) {
            return error(field, "must hold at most " + maxItems + " items");
        }
        boolean valid = true;
        for (int i = 0; i < value.size(); i++) {
            valid &= text(field + "[" + i + "]", value.get(i), false, MAX_TEXT_CHARS) != null;
        }
        return valid ? value : null;
    }

    private JsonNode filter(String field, JsonNode value) {
        if (value.isNull()) {
            return value;
        }
        int before = errorCount();
        rules.checkFilter(field, value, errors);
        return errorCount() == before ? value : null;
    }

    private JsonNode template(String field, JsonNode value) {
        JsonNode text = text(field, value, true, limits.templateChars());
        if (text == null || text.isNull()) {
            return text;
        }
        if (templateEngine == null) {
            // The language is the stored webhook's (or the default on create): WebhookValidator compiles every
            // template of the resulting webhook in it, so a change of language alone re-checks them too.
            return text;
        }
        int before = errorCount();
        rules.checkTemplate(field, text.textValue(), templateEngine, errors);
        return errorCount() == before ? text : null;
    }

    private JsonNode headers(String field, JsonNode value) {
        if (value.isNull()) {
            return value;
        }
        if (value.isTextual()) {
            return template(field, value);
        }
        if (!value.isObject()) {
            return error(field, JsonTypes.mustBe("an object of strings or a template string", value));
        }
        if (value.size() > limits.headersPerWebhook()) {
            return error(field, "must hold at most " + limits.headersPerWebhook()
                    + " headers (hookline.limits.headers-per-webhook)");
        }
        int before = errorCount();
        value.fields().forEachRemaining(header -> {
            String at = field + "." + header.getKey();
            if (!HeaderNames.isValid(header.getKey())) {
                error(at, "is not a valid HTTP header name");
            } else if (!header.getValue().isTextual()) {
                error(at, JsonTypes.mustBe("a string", header.getValue()));
            } else if (!HeaderNames.isValidValue(header.getValue().textValue())) {
                error(at, "must not contain line breaks or control characters");
            } else {
                // Each value is a template of its own: the matcher compiles it at match time.
                template(at, header.getValue());
            }
        });
        return errorCount() == before ? value : null;
    }

    private JsonNode email(String field, JsonNode value) {
        JsonNode text = text(field, value, true, 254);
        if (text == null || text.isNull()) {
            return text;
        }
        return text.textValue().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? text
                : error(field, "must be an email address");
    }

    private JsonNode signingSecret(String field, JsonNode value) {
        JsonNode text = text(field, value, false, 200);
        if (text == null) {
            return null;
        }
        return SigningSecrets.problemWith(text.textValue()).map(problem -> error(field, problem)).orElse(text);
    }

    private JsonNode signatureScheme(String field, JsonNode value) {
        JsonNode text = text(field, value, false, 20);
        if (text == null) {
            return null;
        }
        String scheme = text.textValue().toLowerCase(Locale.ROOT);
        return SIGNATURE_SCHEMES.contains(scheme) ? TextNode.valueOf(scheme)
                : error(field, "must be one of " + SIGNATURE_SCHEMES);
    }

    private JsonNode ordering(String field, JsonNode value) {
        JsonNode text = text(field, value, false, 20);
        if (text == null) {
            return null;
        }
        String ordering = text.textValue().toLowerCase(Locale.ROOT);
        return ORDERINGS.contains(ordering) ? TextNode.valueOf(ordering) : error(field, "must be one of " + ORDERINGS);
    }

    private JsonNode failingWindow(String field, JsonNode value) {
        JsonNode text = text(field, value, true, 20);
        if (text == null || text.isNull()) {
            return text;
        }
        Optional<String> problem = FailingWindow.problem(text.textValue());
        return problem.isPresent() ? error(field, problem.get()) : TextNode.valueOf(text.textValue().trim());
    }

    private JsonNode oneOf(String field, JsonNode value, List<String> allowed) {
        JsonNode text = text(field, value, false, 40);
        if (text == null) {
            return null;
        }
        String chosen = text.textValue().toLowerCase(Locale.ROOT);
        return allowed.contains(chosen) ? TextNode.valueOf(chosen) : error(field, "must be one of " + allowed);
    }

    private int errorCount() {
        return errors.size();
    }

    private JsonNode error(String field, String message) {
        errors.add(field, message);
        return null;
    }
}
