package org.orgledger.structure.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.platform.readmodel.ReadModelJson;
import org.orgledger.structure.api.AlternateNameView;
import org.orgledger.structure.api.FunctionView;
import org.orgledger.structure.api.HeadView;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.api.UnitView;
import org.orgledger.unit.api.UnitKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers "what was the structure on this date, as known at that instant" from indexed SQL. */
@Component
public class StructureReader {

    /** One range-containment test per time axis, both answered by the GiST index on (valid, known). */
    static final String AS_OF = """
            SELECT unit_id, fact_key, value::text, authority::text
            FROM structure_fact
            WHERE valid @> ?::date AND known @> ?::timestamptz
            ORDER BY unit_id, fact_key""";

    private static final int ROWS_PER_FETCH = 2_000;
    private static final Comparator<UnitView> SIBLINGS = BulletinOrder.of(UnitView::authority, UnitView::id);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    StructureReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Read in one read-only transaction so that PostgreSQL sends the rows in pieces, and each
     * unit becomes its view as soon as its last row is read (the rows come ordered by unit): an
     * answer of tens of thousands of units never holds all its rows, or all their JSON, at once.
     */
    @Transactional(readOnly = true)
    public StructureView structure(LocalDate asOf, Instant knownAt) {
        List<UnitView> units = new ArrayList<>();
        UnitFacts[] current = {null};
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(AS_OF);
            statement.setFetchSize(ROWS_PER_FETCH);
            statement.setObject(1, asOf);
            statement.setTimestamp(2, Timestamp.from(knownAt));
            return statement;
        }, (RowCallbackHandler) rs -> {
            String unitId = rs.getString(1);
            if (current[0] == null || !current[0].unitId.equals(unitId)) {
                addIfInForce(current[0], units);
                current[0] = new UnitFacts(unitId);
            }
            current[0].add(rs.getString(2), read(rs.getString(3)), read(rs.getString(4)));
        });
        addIfInForce(current[0], units);
        return new StructureView(asOf, knownAt, parentsFirst(units));
    }

    private void addIfInForce(UnitFacts facts, List<UnitView> units) {
        if (facts != null && facts.inForce()) {
            units.add(toView(facts));
        }
    }

    private UnitView toView(UnitFacts facts) {
        JsonNode existence = facts.values.get(FactKeys.EXISTENCE);
        JsonNode parent = facts.values.get(FactKeys.PARENT);
        JsonNode head = facts.values.get(FactKeys.HEAD);
        List<FunctionView> functions = facts.values.entrySet().stream()
                .filter(entry -> FactKeys.isFunction(entry.getKey()))
                .map(entry -> convert(entry.getValue(), FunctionValue.class)
                        .toView(convert(facts.authorities.get(entry.getKey()), Authority.class)))
                .sorted(BulletinOrder.of(FunctionView::authority, FunctionView::id))
                .toList();
        List<AlternateNameView> alternateNames = facts.values.entrySet().stream()
                .filter(entry -> FactKeys.isAlternateName(entry.getKey()))
                .sorted(BulletinOrder.of(entry -> convert(facts.authorities.get(entry.getKey()), Authority.class),
                        Map.Entry::getKey))
                .map(entry -> convert(entry.getValue(), AlternateNameValue.class)
                        .toView(convert(facts.authorities.get(entry.getKey()), Authority.class)))
                .toList();
        return new UnitView(facts.unitId,
                UnitKind.valueOf(existence.get("kind").asText()),
                convert(facts.values.get(FactKeys.NAME), LocalizedText.class),
                parent == null ? null : parent.asText(),
                head == null ? null : convert(head, HeadView.class),
                convert(facts.authorities.get(FactKeys.EXISTENCE), Authority.class),
                functions,
                facts.values.containsKey(FactKeys.NAME_LABELS)
                        ? json.convertValue(facts.values.get(FactKeys.NAME_LABELS), LABELS) : Map.of(),
                alternateNames);
    }

    /**
     * Parents before children (level by level); siblings in the order of the instrument that
     * grounds them ({@link BulletinOrder}). A parent not in force leaves its child at the top.
     */
    static List<UnitView> parentsFirst(List<UnitView> units) {
        Map<String, List<UnitView>> children = new HashMap<>();
        Set<String> present = new HashSet<>();
        units.forEach(unit -> present.add(unit.id()));
        List<UnitView> roots = new ArrayList<>();
        for (UnitView unit : units.stream().sorted(SIBLINGS).toList()) {
            if (unit.parentId() == null || !present.contains(unit.parentId())) {
                roots.add(unit);
            } else {
                children.computeIfAbsent(unit.parentId(), id -> new ArrayList<>()).add(unit);
            }
        }
        List<UnitView> ordered = new ArrayList<>(units.size());
        Set<String> visited = new HashSet<>();
        java.util.ArrayDeque<UnitView> queue = new java.util.ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            UnitView unit = queue.removeFirst();
            if (visited.add(unit.id())) {
                ordered.add(unit);
                queue.addAll(children.getOrDefault(unit.id(), List.of()));
            }
        }
        // units reporting to each other in a circle (the command side forbids it) are still listed
        units.stream().filter(unit -> !visited.contains(unit.id()))
                .sorted(SIBLINGS).forEach(ordered::add);
        return ordered;
    }

    private JsonNode read(String text) {
        return ReadModelJson.readTree(json, text);
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        return json.convertValue(node, type);
    }

    /** A function as the read model stores it. */
    record FunctionValue(String id, LocalizedText text, Map<String, TextLabel> textLabels) {
        FunctionView toView(Authority authority) {
            return new FunctionView(id, text, authority, textLabels);
        }
    }

    /** An alternate name as the read model stores it. */
    record AlternateNameValue(LocalizedText name, Map<String, TextLabel> nameLabels) {
        AlternateNameView toView(Authority authority) {
            return new AlternateNameView(name, authority, nameLabels);
        }
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, TextLabel>> LABELS =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    private static final class UnitFacts {
        private final String unitId;
        private final Map<String, JsonNode> values = new HashMap<>();
        private final Map<String, JsonNode> authorities = new HashMap<>();

        UnitFacts(String unitId) {
            this.unitId = unitId;
        }

        void add(String factKey, JsonNode value, JsonNode authority) {
            values.put(factKey, value);
            authorities.put(factKey, authority);
        }

        boolean inForce() {
            return values.containsKey(FactKeys.EXISTENCE) && values.containsKey(FactKeys.NAME);
        }
    }
}
