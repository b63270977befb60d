package org.orgledger.ledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer for the events, with two differences: an event's type is stored under
 * its name in {@link EventNames} (not its class's name), and the JSON settings are its own, not
 * the web layer's, so that no change to how the API reads and writes JSON changes what is stored.
 * The settings are those of Spring Boot's mapper that stored the ledger's first events (the
 * fixtures under {@code src/test/resources/events} prove the output unchanged).
 */
public final class LedgerEventSerializer extends JacksonSerializer {

    private LedgerEventSerializer(Builder builder) {
        super(builder);
    }

    public static LedgerEventSerializer create() {
        return new LedgerEventSerializer(JacksonSerializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .objectMapper(eventJson()));
    }

    private static ObjectMapper eventJson() {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                // as Spring Boot's mapper did: a payload with a field its class no longer has still reads
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return EventNames.storedName(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, getRevisionResolver().revisionOf(type)))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected String resolveClassName(SerializedType type) {
        return EventNames.eventNamed(type.getName()).map(Class::getName).orElseGet(() -> super.resolveClassName(type));
    }
}
