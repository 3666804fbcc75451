package io.strata.adapters.persistence.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.value.IsoInstants;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How a domain event is written to the outbox: its type name and its payload, read from the event record's
 * components, so the domain carries no serialization annotations. The payload is a JSON object of the components
 * by name, in declaration order, except {@code occurredAt} (a column of its own). Values: an id or other record
 * of one component is its value ({@code "userId": "0b9e..."}), a record of several an object, an enum its name,
 * an instant or date ISO-8601 ({@code "2025-01-31T09:30:00Z"}), numbers and booleans as such, collections
 * arrays, maps objects. Anything else is refused: a new kind of value is a decision, not an accident.
 *
 * <p>Type names are {@code <context>.<SimpleName>} ({@code workspace.TaskStatusChanged},
 * {@code identity.User}): subscribers see them, so renaming an event record changes the published contract.
 */
final class EventJson {
    private static final String DOMAIN_PACKAGE = "io.strata.domain.";
    private static final JsonFactory JSON = new JsonFactory();
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private EventJson() {}

    /** {@code <context>.<SimpleName>}: the bounded context is the package under {@code io.strata.domain}. */
    static String typeName(Class<?> type) {
        String pkg = type.getPackageName();
        String context = pkg.startsWith(DOMAIN_PACKAGE)
                ? pkg.substring(DOMAIN_PACKAGE.length())
                : pkg.substring(pkg.lastIndexOf('.') + 1);
        int dot = context.indexOf('.');
        return (dot < 0 ? context : context.substring(0, dot)) + "." + type.getSimpleName();
    }

    /** The event's payload: a JSON object of its components but {@code occurredAt}. */
    static String payload(DomainEvent event) {
        if (!event.getClass().isRecord()) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a record: events are records");
        }
        StringWriter out = new StringWriter(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (RecordComponent component : COMPONENTS.get(event.getClass())) {
                if (!component.getName().equals("occurredAt")) {
                    json.writeFieldName(component.getName());
                    write(json, read(component, event));
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            json.writeNumber(i);
        } else if (value instanceof Enum<?> e) {
            json.writeString(e.name());
        } else if (value instanceof Instant instant) {
            json.writeString(IsoInstants.text(instant)); // Instant#toString's text, without its formatter
        } else if (value instanceof UUID || value instanceof TemporalAccessor) {
            json.writeString(value.toString());
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                write(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Record record) {
            RecordComponent[] components = COMPONENTS.get(record.getClass());
            if (components.length == 1) {
                write(json, read(components[0], record)); // an id or value object: its value
            } else {
                json.writeStartObject();
                for (RecordComponent component : components) {
                    json.writeFieldName(component.getName());
                    write(json, read(component, record));
                }
                json.writeEndObject();
            }
        } else {
            throw new IllegalArgumentException(
                    "an event payload cannot hold a " + value.getClass().getName()
                            + "; use strings, numbers, booleans, enums, UUIDs, dates, records, collections or maps");
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read " + component + " of " + record.getClass().getName(), e);
        }
    }
}
