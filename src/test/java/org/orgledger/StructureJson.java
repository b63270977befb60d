package org.orgledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading answers of {@code GET /api/structure} in tests. */
public final class StructureJson {

    private StructureJson() {
    }

    public static JsonNode unit(JsonNode structure, String id) {
        for (JsonNode unit : structure.get("units")) {
            if (unit.get("id").asText().equals(id)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + id + " in " + structure);
    }

    public static List<String> unitIds(JsonNode structure) {
        List<String> ids = new ArrayList<>();
        structure.get("units").forEach(unit -> ids.add(unit.get("id").asText()));
        return ids;
    }

    public static List<String> functionIds(JsonNode unit) {
        List<String> ids = new ArrayList<>();
        unit.get("functions").forEach(function -> ids.add(function.get("id").asText()));
        return ids;
    }
}
