package org.orgledger.platform.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The read models' JSON columns ({@code jsonb}), written and read by the projections and readers.
 * What they hold was written by the ledger itself, so a failure here is a fault of the service,
 * never bad input: it is thrown unchecked, with the value that failed.
 */
public final class ReadModelJson {

    public static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value, e);
        }
    }

    public static JsonNode readTree(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable read-model value: " + text, e);
        }
    }

    public static <T> T read(ObjectMapper json, String text, Class<T> type) {
        return read(json, text, json.getTypeFactory().constructType(type));
    }

    public static <T> T read(ObjectMapper json, String text, TypeReference<T> type) {
        return read(json, text, json.getTypeFactory().constructType(type));
    }

    private static <T> T read(ObjectMapper json, String text, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable read-model value as " + type + ": " + text, e);
        }
    }

    private ReadModelJson() {
    }
}
