package org.orgledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.structure.api.AlternateNameView;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.api.UnitView;
import org.orgledger.unit.api.UnitKind;

/**
 * The structure as of a date in Popolo JSON (popoloproject.com): each unit in force that is not a
 * post is an {@code organization}; each unit of kind POST, and each head of a unit, is a
 * {@code post}. Names are dated from the change history: {@code name} is the name in force in the
 * preferred language, {@code other_names} its other languages and every former name (each with
 * {@code lang}, {@code start_date} and, once abandoned, {@code end_date}, the last day it was in
 * force), and the other names an instrument gives the unit. A post's head is the post itself, so
 * only units that are not posts get a separate head post. {@code parent_id} is the nearest
 * organization above the unit: Popolo's organizations contain organizations, not posts, so a unit
 * that reports to a post (a division to the Executive Director) lies in that post's organization.
 */
final class PopoloExport {

    private final ObjectMapper json;
    private final String base;
    private final String language;
    private final Map<String, UnitView> units = new HashMap<>();
    private final Map<String, List<ObjectNode>> changesByUnit = new HashMap<>();

    private PopoloExport(ObjectMapper json, String base, String language) {
        this.json = json;
        this.base = base;
        this.language = language;
    }

    /**
     * @param changes every change taking effect by the structure's date, as known at its knownAt,
     *                in effective-date order (the timeline)
     */
    static ObjectNode write(ObjectMapper json, String base, String language, StructureView structure,
                            List<ObjectNode> changes) {
        PopoloExport export = new PopoloExport(json, base, language);
        structure.units().forEach(unit -> export.units.put(unit.id(), unit));
        changes.stream()
                .filter(change -> change.hasNonNull("unitId") && !change.path("retracted").asBoolean(false))
                .forEach(change -> export.changesByUnit.computeIfAbsent(change.get("unitId").asText(), id -> new ArrayList<>())
                        .add(change));
        ObjectNode document = json.createObjectNode();
        document.putObject("meta")
                .put("asOf", structure.asOf().toString())
                .put("knownAt", structure.knownAt().toString())
                .put("lang", language)
                .put("generator", "OrgLedger");
        ArrayNode organizations = document.putArray("organizations");
        ArrayNode posts = document.putArray("posts");
        for (UnitView unit : structure.units()) {
            if (unit.kind() == UnitKind.POST) {
                posts.add(export.post(unit));
            } else {
                organizations.add(export.organization(unit));
            }
            // a post's head is the post itself: Popolo has it once
            if (unit.head() != null && unit.kind() != UnitKind.POST) {
                posts.add(export.head(unit));
            }
        }
        return document;
    }

    private ObjectNode organization(UnitView unit) {
        ObjectNode organization = json.createObjectNode();
        organization.put("id", unit.id());
        organization.put("name", preferred(unit.name()));
        organization.set("other_names", otherNames(unit));
        organization.putArray("identifiers").addObject().put("identifier", unit.id()).put("scheme", "orgledger");
        organization.put("classification", unit.kind().name());
        String parent = organizationAbove(unit);
        if (parent != null) {
            organization.put("parent_id", parent);
        }
        LocalDate founded = established(unit.id());
        if (founded != null) {
            organization.put("founding_date", founded.toString());
        }
        sources(organization, unit.authority(), "establishment");
        return organization;
    }

    private ObjectNode post(UnitView unit) {
        ObjectNode post = json.createObjectNode();
        post.put("id", unit.id());
        post.put("label", preferred(unit.name()));
        post.set("other_label", otherLabels(unit.name()));
        post.put("role", preferred(unit.name()));
        String organization = organizationAbove(unit);
        if (organization != null) {
            post.put("organization_id", organization);
        }
        LocalDate created = established(unit.id());
        if (created != null) {
            post.put("start_date", created.toString());
        }
        sources(post, unit.authority(), "establishment");
        return post;
    }

    private ObjectNode head(UnitView unit) {
        ObjectNode post = json.createObjectNode();
        post.put("id", unit.id() + "#head");
        LocalizedText title = unit.head().title();
        post.put("label", title == null ? "Head of " + preferred(unit.name()) : preferred(title));
        post.set("other_label", title == null ? json.createArrayNode() : otherLabels(title));
        post.put("role", "head");
        post.put("organization_id", unit.id());
        ObjectNode designation = last(unit.id(), "HeadDesignated");
        if (designation != null) {
            post.put("start_date", designation.path("effectiveFrom").asText());
            sources(post, authority(designation), "designation of the head");
        }
        return post;
    }

    /** The name in force in its other languages, then every former name, then the instruments' other names. */
    private ArrayNode otherNames(UnitView unit) {
        ArrayNode names = json.createArrayNode();
        List<ObjectNode> namings = changes(unit.id()).stream()
                .filter(change -> change.has("name") && (type(change).equals("UnitEstablished") || type(change).equals("UnitRenamed")))
                .toList();
        String current = preferredLanguage(unit.name());
        for (int i = namings.size() - 1; i >= 0; i--) {
            ObjectNode naming = namings.get(i);
            LocalizedText name = json.convertValue(naming.get("name"), LocalizedText.class);
            String start = naming.path("effectiveFrom").asText();
            String end = i + 1 < namings.size()
                    ? LocalDate.parse(namings.get(i + 1).path("effectiveFrom").asText()).minusDays(1).toString() : null;
            boolean inForce = end == null;
            name.values().forEach((lang, text) -> {
                if (inForce && lang.equals(current)) {
                    return; // that is the organization's name
                }
                ObjectNode other = names.addObject().put("name", text).put("lang", lang).put("start_date", start);
                if (end != null) {
                    other.put("end_date", end);
                }
                other.put("note", inForce ? "name in " + lang : "former name");
            });
        }
        for (AlternateNameView alternate : unit.alternateNames()) {
            ObjectNode given = changes(unit.id()).stream()
                    .filter(change -> type(change).equals("AlternateNameRecorded")
                            && alternate.name().values().equals(json.convertValue(change.get("name"), LocalizedText.class).values()))
                    .reduce((first, second) -> second).orElse(null);
            alternate.name().values().forEach((lang, text) -> {
                ObjectNode other = names.addObject().put("name", text).put("lang", lang);
                if (given != null) {
                    other.put("start_date", given.path("effectiveFrom").asText());
                }
                other.put("note", "other name given by " + alternate.authority().instrument().value()
                        + ", provision " + alternate.authority().provision());
            });
        }
        return names;
    }

    private ArrayNode otherLabels(LocalizedText text) {
        ArrayNode labels = json.createArrayNode();
        String preferred = preferredLanguage(text);
        text.values().forEach((lang, value) -> {
            if (!lang.equals(preferred)) {
                labels.add(value);
            }
        });
        return labels;
    }

    private void sources(ObjectNode node, Authority authority, String what) {
        if (authority == null) {
            return;
        }
        String symbol = authority.instrument().value();
        node.putArray("sources").addObject()
                .put("url", base + "instrument/" + RdfGraph.segment(symbol))
                .put("note", symbol + ", provision " + authority.provision() + " (" + what + ")");
    }

    /** The nearest unit above that is not a post, or null at the top. */
    private String organizationAbove(UnitView unit) {
        UnitView above = units.get(unit.parentId());
        while (above != null && above.kind() == UnitKind.POST) {
            above = units.get(above.parentId());
        }
        return above == null ? null : above.id();
    }

    private LocalDate established(String unitId) {
        ObjectNode establishment = last(unitId, "UnitEstablished");
        return establishment == null ? null : LocalDate.parse(establishment.path("effectiveFrom").asText());
    }

    private ObjectNode last(String unitId, String type) {
        return changes(unitId).stream().filter(change -> type(change).equals(type))
                .reduce((first, second) -> second).orElse(null);
    }

    private List<ObjectNode> changes(String unitId) {
        return changesByUnit.getOrDefault(unitId, List.of());
    }

    private Authority authority(ObjectNode change) {
        JsonNode authority = change.path("authority");
        return authority.hasNonNull("instrument")
                ? Authority.of(authority.get("instrument").asText(), authority.path("provision").asText()) : null;
    }

    private static String type(ObjectNode change) {
        return change.path("type").asText();
    }

    private String preferred(LocalizedText text) {
        return text.values().get(preferredLanguage(text));
    }

    /** The language asked for, else a regional variant of it, else English, else the first the text has. */
    private String preferredLanguage(LocalizedText text) {
        Map<String, String> values = text.values();
        if (values.containsKey(language)) {
            return language;
        }
        return values.keySet().stream().filter(lang -> lang.startsWith(language + "-")).findFirst()
                .orElseGet(() -> values.containsKey("en") ? "en" : values.keySet().stream().filter(Objects::nonNull)
                        .findFirst().orElseThrow());
    }
}
