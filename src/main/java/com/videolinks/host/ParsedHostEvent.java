package com.videolinks.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** A body read as an envelope of a known type with its data checked against that type's schema. */
record ParsedHostEvent(HostEvent event, HostEventType type, Object data) {

    static ParsedHostEvent parse(byte[] body, ObjectMapper json, Validator validator) {
        HostEvent event = read(json, body, HostEvent.class, "");
        check(validator, event, "");
        HostEventType type = HostEventType.of(event.type()).orElseThrow(() -> new InvalidHostEvent("unknown-event-type",
                List.of(new InvalidHostEvent.FieldProblem("type", "'" + event.type() + "' is not an event type "
                        + "videolinks knows: " + HostEventType.wireNames()))));
        if (!type.aboutSite() && (event.entityId() == null || event.entityId().isBlank())) {
            throw new InvalidHostEvent("invalid-input", List.of(new InvalidHostEvent.FieldProblem("entityId",
                    "is required for " + type.wireName() + " (the host's id of the " + type.kind().name().toLowerCase() + ")")));
        }
        Object data;
        if (event.data() == null || event.data().isNull()) {
            if (type.dataType() != HostEventData.NoData.class) {
                throw new InvalidHostEvent("invalid-input", List.of(new InvalidHostEvent.FieldProblem("data",
                        "is required for " + type.wireName())));
            }
            data = new HostEventData.NoData();
        } else {
            data = readData(json, event.data(), type.dataType());
            check(validator, data, "data.");
        }
        return new ParsedHostEvent(event, type, data);
    }

    private static <T> T read(ObjectMapper json, byte[] body, Class<T> type, String prefix) {
        try {
            return json.readValue(body, type);
        } catch (JsonMappingException e) {
            throw invalid(e, prefix);
        } catch (java.io.IOException e) {
            throw new InvalidHostEvent("invalid-input", List.of(new InvalidHostEvent.FieldProblem("body", "is not JSON")));
        }
    }

    /** The data node read as its type's record, without writing it out and parsing it again. */
    private static Object readData(ObjectMapper json, com.fasterxml.jackson.databind.JsonNode data, Class<?> type) {
        try {
            return json.readerFor(type).readValue(data);
        } catch (JsonMappingException e) {
            throw invalid(e, "data.");
        } catch (java.io.IOException e) {
            throw new InvalidHostEvent("invalid-input", List.of(new InvalidHostEvent.FieldProblem("data", "is not JSON")));
        }
    }

    private static InvalidHostEvent invalid(JsonMappingException e, String prefix) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        String message = e instanceof InvalidFormatException format && format.getTargetType().isEnum()
                ? "must be one of " + List.of(format.getTargetType().getEnumConstants())
                : e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                        ? "is not a field of this event" : "has an invalid value";
        return new InvalidHostEvent("invalid-input", List.of(new InvalidHostEvent.FieldProblem(
                field.isEmpty() ? (prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1)) : prefix + field,
                field.isEmpty() ? "is not a JSON object of the event's shape" : message)));
    }

    private static void check(Validator validator, Object value, String prefix) {
        List<InvalidHostEvent.FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(value)) {
            problems.add(new InvalidHostEvent.FieldProblem(prefix + violation.getPropertyPath(), violation.getMessage()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(InvalidHostEvent.FieldProblem::field));
            throw new InvalidHostEvent("invalid-input", problems);
        }
    }
}
