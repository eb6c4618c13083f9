package org.xiaodai.platform.web;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Makes record schemas say what a client may rely on. A component of an API record marked with
 * JSpecify's {@code @Nullable} may be null, and its schema says so; every other component of a
 * record that the API only returns (never reads) is always present and never null, so it is
 * listed as {@code required} — a generated TypeScript client then types it as non-optional. A
 * component with an explicit {@code @Schema(requiredMode = …)} keeps what it says. Request records
 * keep the required fields their Bean Validation constraints give them.
 */
final class ApiSchemaConventions implements ModelConverter {

    /**
     * Marks, on the schema itself, the record components without {@code @Nullable} or an explicit
     * required mode until {@link #requireNonNullResponseFields} reads and removes it. Kept on the
     * schema, not in this converter: swagger's converter chain is one per JVM, and with several
     * Spring contexts (tests) the converter resolving a context's types may be another context's.
     */
    private static final String ALWAYS_PRESENT = "x-xiaodai-always-present";

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = rawClass(type.getType());
        if (resolved == null || raw == null || !raw.isRecord() || !raw.getName().startsWith("org.xiaodai.")) {
            return resolved;
        }
        Schema model = resolved.get$ref() == null ? resolved : context.getDefinedModels().get(simpleName(resolved.get$ref()));
        if (model == null || model.getProperties() == null || model.getName() == null) {
            return resolved;
        }
        Set<String> present = new LinkedHashSet<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            Schema property = (Schema) model.getProperties().get(component.getName());
            if (property == null) {
                continue;
            }
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                model.getProperties().put(component.getName(), allowNull(property));
            } else if (!hasExplicitRequiredMode(component)) {
                present.add(component.getName());
            }
        }
        model.addExtension(ALWAYS_PRESENT, List.copyOf(present));
        return resolved;
    }

    /** Lists the always-present fields of every schema reached from responses only as required. */
    void requireNonNullResponseFields(OpenAPI openApi) {
        Map<String, Schema> components = openApi.getComponents().getSchemas();
        if (components == null || openApi.getPaths() == null) {
            return;
        }
        Set<String> returned = new HashSet<>();
        Set<String> read = new HashSet<>();
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            collectResponses(operation, components, returned);
            collectRequests(operation, components, read);
        }));
        returned.removeAll(read);
        components.forEach((name, schema) -> {
            Object present = schema.getExtensions() == null ? null : schema.getExtensions().remove(ALWAYS_PRESENT);
            if (schema.getExtensions() != null && schema.getExtensions().isEmpty()) {
                schema.setExtensions(null);
            }
            if (!returned.contains(name) || !(present instanceof List<?> fields) || fields.isEmpty()) {
                return;
            }
            Set<String> required = new TreeSet<>();
            fields.forEach(field -> required.add((String) field));
            if (schema.getRequired() != null) {
                required.addAll(schema.getRequired());
            }
            schema.setRequired(List.copyOf(required));
        });
    }

    private static void collectResponses(Operation operation, Map<String, Schema> components, Set<String> into) {
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(r -> collect(r.getContent(), components, into));
        }
    }

    private static void collectRequests(Operation operation, Map<String, Schema> components, Set<String> into) {
        if (operation.getRequestBody() != null) {
            collect(operation.getRequestBody().getContent(), components, into);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> collect(p.getSchema(), components, into));
        }
    }

    private static void collect(Content content, Map<String, Schema> components, Set<String> into) {
        if (content != null) {
            content.values().forEach(media -> collect(media.getSchema(), components, into));
        }
    }

    private static void collect(Schema<?> schema, Map<String, Schema> components, Set<String> into) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = simpleName(schema.get$ref());
            if (into.add(name)) {
                collect(components.get(name), components, into);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(p, components, into));
        }
        collect(schema.getItems(), components, into);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            collect(values, components, into);
        }
        for (Collection<Schema> composed : new Collection[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (composed != null) {
                composed.forEach(s -> collect(s, components, into));
            }
        }
    }

    private static Schema allowNull(Schema property) {
        if (property.getAnyOf() != null) {
            return property; // already wrapped (every Spring context in a JVM registers its converter)
        }
        if (property.get$ref() != null) {
            return new Schema<>().anyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null"))))
                    .description(property.getDescription());
        }
        Set<String> types = new TreeSet<>(property.getTypes() == null ? Set.of() : property.getTypes());
        if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        property.setNullable(true);
        return property;
    }

    private static boolean hasExplicitRequiredMode(RecordComponent component) {
        // @Schema does not target record components: javac puts it on the accessor and the field
        io.swagger.v3.oas.annotations.media.Schema schema =
                component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && (schema.requiredMode() != io.swagger.v3.oas.annotations.media.Schema.RequiredMode.AUTO
                || schema.required());
    }

    private static Class<?> rawClass(java.lang.reflect.Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof JavaType javaType ? javaType.getRawClass() : null;
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
