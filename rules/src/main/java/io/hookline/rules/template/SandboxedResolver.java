package io.hookline.rules.template;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.MethodNotFoundException;
import jinjava.javax.el.PropertyNotWritableException;

/**
 * Keeps templates away from Java: properties resolve only on dicts, lists and Jinjava's own objects (loop variables,
 * filters), never on strings, numbers or any other class (so no {@code "x".bytes}, no {@code .class}); methods run only
 * when they are Jinjava's filters, tests and functions, or the read-only dict and list methods of Jinja
 * ({@code items()}, {@code keys()}, ...). Everything is read-only.
 */
final class SandboxedResolver extends ELResolver {

    private static final String JINJAVA_PACKAGE = "com.hubspot.jinjava.";
    private static final Set<String> COLLECTION_METHODS = Set.of("items", "keys", "values", "get", "index", "count");

    private final ELResolver delegate;

    SandboxedResolver(ELResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null || isDataStructure(base) || isJinjavaLibrary(base)) {
            return delegate.getValue(context, base, property);
        }
        context.setPropertyResolved(true); // like Jinja's undefined: a property of a string or number is empty
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        String name = String.valueOf(method);
        if (base != null && !isJinjavaLibrary(base) && !(isDataStructure(base) && COLLECTION_METHODS.contains(name))) {
            throw new MethodNotFoundException("method calls are not allowed in templates: "
                    + name + "() on " + describe(base));
        }
        return delegate.invoke(context, base, method, paramTypes, params);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return delegate.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        throw new PropertyNotWritableException("templates cannot change values");
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return delegate.getFeatureDescriptors(context, base);
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return delegate.getCommonPropertyType(context, base);
    }

    private static boolean isDataStructure(Object base) {
        return base instanceof Map || base instanceof List || base.getClass().isArray();
    }

    /** Jinjava's filters, tests, functions and loop objects, but not its collection wrappers' mutators. */
    private static boolean isJinjavaLibrary(Object base) {
        return !isDataStructure(base) && base.getClass().getName().startsWith(JINJAVA_PACKAGE);
    }

    private static String describe(Object base) {
        if (base instanceof String) {
            return "a string";
        }
        if (base instanceof Number) {
            return "a number";
        }
        return "a value";
    }
}
