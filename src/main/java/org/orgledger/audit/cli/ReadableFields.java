package org.orgledger.audit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import org.orgledger.audit.chain.StoredEvent;

/**
 * An export's event line carries, besides the hashed fields, copies for readers ({@code payload},
 * {@code type}, {@code recordedBy}). A reader relies on those, so each must be what the hashed
 * bytes say; and a field that is neither hashed nor derived from hashed bytes is refused, since
 * nothing would vouch for it.
 */
final class ReadableFields {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HASHED = Set.of("sequence", "eventIdentifier", "aggregateType",
            "aggregateIdentifier", "aggregateSequence", "payloadType", "payloadRevision", "timeStamp", "payloadBytes",
            "metaDataBytes", "previousHash", "hash");
    private static final Set<String> DERIVED = Set.of("payload", "type", "recordedBy");

    private ReadableFields() {
    }

    /** @return why the line's readable fields cannot be trusted, or null when they match the hashed bytes */
    static String problemWith(JsonNode line, StoredEvent event) {
        for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"record".equals(name) && !HASHED.contains(name) && !DERIVED.contains(name)) {
                return "the event line has a field \"" + name + "\" that no hash covers";
            }
        }
        if (line.has("payload") && !line.get("payload").equals(readJson(event.payload()))) {
            return "the readable payload does not match the hashed payloadBytes: the payload was altered";
        }
        if (line.has("type") && !textOrNull(line.get("type")).equals(String.valueOf(simpleName(event.payloadType())))) {
            return "the readable type does not match the hashed payloadType: the type was altered";
        }
        if (line.has("recordedBy") && !textOrNull(line.get("recordedBy")).equals(String.valueOf(recordedBy(event)))) {
            return "the readable recordedBy does not match the hashed metaDataBytes: the recorder was altered";
        }
        return null;
    }

    private static String textOrNull(JsonNode node) {
        return node.isNull() ? "null" : node.isTextual() ? node.asText() : node.toString();
    }

    private static String recordedBy(StoredEvent event) {
        JsonNode recordedBy = readJson(event.metaData()).path("recordedBy");
        return recordedBy.isTextual() ? recordedBy.asText() : null;
    }

    /** As the service reads it (EventLog): JSON, or the text when the bytes are not JSON. */
    private static JsonNode readJson(byte[] bytes) {
        if (bytes == null) {
            return NullNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            return node == null ? TextNode.valueOf("") : node;
        } catch (IOException e) {
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String simpleName(String payloadType) {
        if (payloadType == null) {
            return null;
        }
        int dot = payloadType.lastIndexOf('.');
        String name = dot < 0 ? payloadType : payloadType.substring(dot + 1);
        int nested = name.lastIndexOf('$');
        return nested < 0 ? name : name.substring(nested + 1);
    }
}
