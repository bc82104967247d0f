package io.hookline.rules.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import io.hookline.contracts.json.Json;

/** {@code {{tojson value}}}: the value as JSON, like Jinja's {@code tojson} filter (without a value: the context). */
final class TojsonHelper implements Helper<Object> {

    static final TojsonHelper INSTANCE = new TojsonHelper();

    private TojsonHelper() {
    }

    @Override
    public Object apply(Object value, Options options) {
        try {
            return new Handlebars.SafeString(Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tojson: " + e.getOriginalMessage(), e);
        }
    }
}
