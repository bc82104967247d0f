package io.hookline.rules.template;

import com.github.jknack.handlebars.ValueResolver;
import java.util.Map;
import java.util.Set;

/**
 * The only way a Handlebars template reads values: through maps (JSON objects), with the render's clock checked on
 * every lookup. Strings, numbers and any other object expose nothing, so no getter, field or method of a Java class
 * can be reached.
 */
final class DeadlineResolver implements ValueResolver {

    private final ValueResolver maps;

    DeadlineResolver(ValueResolver maps) {
        this.maps = maps;
    }

    @Override
    public Object resolve(Object context, String name) {
        HandlebarsLimits.checkTime();
        return context instanceof Map ? maps.resolve(context, name) : UNRESOLVED;
    }

    @Override
    public Object resolve(Object context) {
        return maps.resolve(context);
    }

    @Override
    public Set<Map.Entry<String, Object>> propertySet(Object context) {
        HandlebarsLimits.checkTime();
        return context instanceof Map ? maps.propertySet(context) : Set.of();
    }
}
