package com.videolinks.host;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The event schema in the published contract: every {@code data} shape is a named schema (the request body only
 * names the envelope), and {@code HostEvent.data} is one of them.
 */
@Configuration
class HostEventsOpenApi {

    @Bean
    OpenApiCustomizer hostEventSchemas() {
        return openApi -> {
            @SuppressWarnings("rawtypes")
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            @SuppressWarnings("rawtypes")
            List<Schema> shapes = new java.util.ArrayList<>();
            for (HostEventType type : HostEventType.values()) {
                ModelConverters.getInstance().readAll(new AnnotatedType(type.dataType())).forEach(schemas::putIfAbsent);
                String name = type.dataType().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class).name();
                if (shapes.stream().noneMatch(s -> s.get$ref().endsWith("/" + name))) {
                    shapes.add(new Schema<>().$ref("#/components/schemas/" + name));
                }
            }
            Schema<?> envelope = schemas.get("HostEvent");
            if (envelope != null && envelope.getProperties() != null) {
                Schema<?> data = new Schema<>().type("object")
                        .description("the entity's state at this version; its shape depends on type (see README)");
                data.setOneOf(shapes);
                envelope.getProperties().put("data", data);
            }
            schemas.remove("JsonNode");
        };
    }
}
