package io.hookline.config.validation;

import io.hookline.rules.match.HttpMethods;
import java.util.List;
import java.util.Set;

/** The names and allowed values of webhook fields, as the API reads and writes them. */
public final class WebhookFields {

    public static final String NAME = "name";
    public static final String ENABLED = "is_webhook_enabled";
    public static final String TEAM = "team";
    public static final String URL = "url";
    public static final String URLS = "urls";
    public static final String HTTP_METHOD = "http_method";
    public static final String TRIGGER_TYPE = "trigger_type";
    public static final String EVENT_TYPES = "event_types";
    public static final String INTEGRATION_FILTER = "integration_filter";
    public static final String FILTER = "filter";
    public static final String TRIGGER_TEMPLATE = "trigger_template";
    public static final String DATA = "data";
    public static final String FORWARD_ALL = "forward_all";
    public static final String HEADERS = "headers";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String AUTHORIZATION_HEADER = "authorization_header";
    public static final String DESCRIPTION = "description";
    public static final String FAILURE_NOTIFICATION_EMAIL = "failure_notification_email";
    public static final String SIGNING_SECRET = "signing_secret";
    public static final String SIGNATURE_SCHEME = "signature_scheme";
    public static final String SIGNING_PUBLIC_KEY = "signing_public_key";
    public static final String MAX_RETRIES = "max_retries";
    public static final String TIMEOUT_MS = "timeout_ms";
    public static final String RATE_LIMIT = "rate_limit_per_second";
    public static final String ORDERING = "ordering";
    public static final String PAYLOAD_FORMAT = "payload_format";
    public static final String REQUEST_TEMPLATE = "request_template";
    public static final String TEMPLATE_ENGINE = "template_engine";
    public static final String PUBLISH_RESPONSES = "publish_responses";
    public static final String FORWARDING = "forwarding";
    public static final String UNSUBSCRIBE_ON = "unsubscribe_on";
    public static final String DISABLE_AFTER_FAILING = "disable_after_failing";
    public static final String VERSION = "version";

    /** Fields a client may send back unchanged from a read; they are ignored on write. */
    public static final Set<String> READ_ONLY = Set.of("id", "is_legacy", "user", "last_response_log",
            "created_at", "updated_at", "disabled_reason", "signing_public_key");

    public static final List<String> HTTP_METHODS = HttpMethods.ALL;
    public static final List<String> ORDERINGS = List.of("none", "subject");
    public static final List<String> SIGNATURE_SCHEMES = List.of("v1", "v1a");
    public static final List<String> PAYLOAD_FORMATS = List.of("cloudevent", "data", "cloudevent_binary");
    public static final List<String> TEMPLATE_ENGINES = List.of("jinja", "handlebars");
    public static final List<String> FORWARDING_MODES = List.of("always", "after_forwarding", "only_on_forwarding");

    public static final int MAX_RETRIES_LIMIT = 8;
    public static final int MAX_TIMEOUT_MS = 30_000;
    public static final int MAX_LIST_ITEMS = 100;
    public static final int MAX_NAME_CHARS = 150;
    public static final int MAX_TEXT_CHARS = 1_000;

    private WebhookFields() {
    }
}
