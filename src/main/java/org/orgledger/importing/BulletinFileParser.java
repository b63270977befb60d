package org.orgledger.importing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.orgledger.importing.BulletinFile.LabelledText;
import org.orgledger.importing.BulletinFile.Position;
import org.orgledger.instrument.api.InstrumentKind;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.language.TextStatus;
import org.orgledger.ledger.InvalidInput;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.ledger.ProblemCode;
import org.orgledger.ledger.LedgerText;
import org.orgledger.unit.api.ClosureKind;
import org.orgledger.unit.api.FunctionId;
import org.orgledger.unit.api.HeadLevel;
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.api.UnitKind;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks a bulletin file against docs/bulletin-format.md and reads it into a
 * {@link BulletinFile}. It collects every problem (field path, line, column) rather than
 * stopping at the first, so a registrar can fix a file in one pass.
 */
final class BulletinFileParser {

    static final String FORMAT = "orgledger-bulletin/1";
    private static final Pattern PROVISION = Pattern.compile("\\d+(\\.\\d+)*(\\([a-z]+\\))?|unspecified");
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP,
            Tag.MAP, Tag.SEQ);

    private final List<FileProblem> problems = new ArrayList<>();

    static BulletinFile parse(byte[] bytes) {
        BulletinFileParser parser = new BulletinFileParser();
        BulletinFile file = parser.file(new Field("", YamlDocument.parse(bytes)));
        if (!parser.problems.isEmpty()) {
            throw new InvalidBulletinFile(ProblemCode.INVALID_BULLETIN_FILE, parser.problems);
        }
        return file;
    }

    private BulletinFile file(Field root) {
        Map<String, Field> top = mapping(root, Set.of("format", "instrument", "supersedes", "units", "functions", "renamings",
                "moves", "heads", "vacancies", "withdrawals", "reaffirmations", "abolitions"));
        if (top == null) {
            return null;
        }
        Field format = required(root, top, "format");
        if (format != null && !FORMAT.equals(string(format))) {
            problem(format, "must be " + FORMAT);
        }
        BulletinFile.Instrument instrument = instrument(required(root, top, "instrument"));
        LocalDate defaultDate = instrument == null ? null : instrument.effectiveFrom();
        List<BulletinFile.Supersession> supersedes = list(top.get("supersedes"), item -> supersession(item, defaultDate));
        List<BulletinFile.Unit> units = list(top.get("units"), item -> unit(item, defaultDate));
        List<BulletinFile.AssignedFunction> functions = list(top.get("functions"), item -> assignedFunction(item, defaultDate));
        List<BulletinFile.Renaming> renamings = list(top.get("renamings"), item -> renaming(item, defaultDate));
        List<BulletinFile.Move> moves = list(top.get("moves"), item -> move(item, defaultDate));
        List<BulletinFile.HeadDesignation> heads = list(top.get("heads"), item -> headDesignation(item, defaultDate));
        List<BulletinFile.Vacancy> vacancies = list(top.get("vacancies"), item -> vacancy(item, defaultDate));
        List<BulletinFile.Withdrawal> withdrawals = list(top.get("withdrawals"), item -> withdrawal(item, defaultDate));
        List<BulletinFile.Reaffirmation> reaffirmations = list(top.get("reaffirmations"),
                item -> reaffirmation(item, defaultDate));
        List<BulletinFile.Abolition> abolitions = list(top.get("abolitions"), item -> abolition(item, defaultDate));
        checkUniqueness(units, functions);
        checkAbolishedOnce(abolitions);
        return new BulletinFile(instrument, supersedes, units, functions, renamings, moves, heads, vacancies, withdrawals,
                reaffirmations, abolitions);
    }

    private BulletinFile.Instrument instrument(Field field) {
        Map<String, Field> keys = mapping(field, Set.of("symbol", "kind", "title", "issuedOn", "effectiveFrom", "source", "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        optionalString(keys.get("source"));
        return new BulletinFile.Instrument(
                value(required(field, keys, "symbol"), text -> InstrumentSymbol.of(text).value()),
                value(required(field, keys, "kind"), InstrumentKind::valueOf),
                labelledText(required(field, keys, "title")),
                date(required(field, keys, "issuedOn")),
                date(required(field, keys, "effectiveFrom")),
                field.position());
    }

    private BulletinFile.Supersession supersession(Field field, LocalDate defaultDate) {
        Map<String, Field> keys = mapping(field, Set.of("symbol", "provision", "effectiveFrom", "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        return new BulletinFile.Supersession(
                value(required(field, keys, "symbol"), text -> InstrumentSymbol.of(text).value()),
                provision(required(field, keys, "provision")),
                effectiveFrom(keys.get("effectiveFrom"), defaultDate),
                field.position());
    }

    private BulletinFile.Unit unit(Field field, LocalDate defaultDate) {
        Map<String, Field> keys = mapping(field, Set.of("id", "kind", "name", "parentId", "provision", "effectiveFrom",
                "alternateNames", "head", "functions", "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        List<BulletinFile.AlternateName> alternateNames = list(keys.get("alternateNames"), this::alternateName);
        LocalDate effectiveFrom = effectiveFrom(keys.get("effectiveFrom"), defaultDate);
        Field parent = keys.get("parentId");
        return new BulletinFile.Unit(
                value(required(field, keys, "id"), UnitId::of),
                value(required(field, keys, "kind"), UnitKind::valueOf),
                labelledText(required(field, keys, "name")),
                parent == null || parent.isNull() ? null : value(parent, UnitId::of),
                provision(required(field, keys, "provision")),
                effectiveFrom,
                keys.containsKey("head") ? head(keys.get("head")) : null,
                list(keys.get("functions"), item -> function(item, effectiveFrom, Set.of())),
                field.position(),
                alternateNames);
    }

    private BulletinFile.AlternateName alternateName(Field field) {
        Map<String, Field> keys = mapping(field, Set.of("name", "provision", "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        return new BulletinFile.AlternateName(
                labelledText(required(field, keys, "name")),
                provision(required(field, keys, "provision")),
                field.position());
    }

    private BulletinFile.Head head(Field field) {
        return head(field, mapping(field, Set.of("title", "level", "provision")));
    }

    private BulletinFile.Head head(Field field, Map<String, Field> keys) {
        if (keys == null) {
            return null;
        }
        Field level = keys.get("level");
        return new BulletinFile.Head(
                labelledText(required(field, keys, "title")),
                level == null || level.isNull() ? null : value(level, HeadLevel::of),
                provision(required(field, keys, "provision")),
                field.position());
    }

    private BulletinFile.Function function(Field field, LocalDate defaultDate, Set<String> extraKeys) {
        Set<String> allowed = new HashSet<>(Set.of("id", "provision", "text", "translation", "effectiveFrom", "notes"));
        allowed.addAll(extraKeys);
        Map<String, Field> keys = mapping(field, allowed);
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        LabelledText text = labelledText(required(field, keys, "text"));
        if (text != null && keys.containsKey("translation")) {
            text = withTranslations(text, keys.get("translation"));
        }
        return new BulletinFile.Function(
                value(required(field, keys, "id"), FunctionId::of),
                provision(required(field, keys, "provision")),
                text,
                effectiveFrom(keys.get("effectiveFrom"), defaultDate),
                field.position());
    }

    private BulletinFile.AssignedFunction assignedFunction(Field field, LocalDate defaultDate) {
        BulletinFile.Function function = function(field, defaultDate, Set.of("unitId"));
        Map<String, Field> keys = field.isMapping() ? entries(field) : Map.of();
        UnitId unitId = value(required(field, keys, "unitId"), UnitId::of);
        return function == null ? null : new BulletinFile.AssignedFunction(unitId, function);
    }

    private BulletinFile.Renaming renaming(Field field, LocalDate defaultDate) {
        Map<String, Field> keys = mapping(field, Set.of("unitId", "name", "provision", "effectiveFrom", "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        return new BulletinFile.Renaming(
                value(required(field, keys, "unitId"), UnitId::of),
                labelledText(required(field, keys, "name")),
                provision(required(field, keys, "provision")),
                effectiveFrom(keys.get("effectiveFrom"), defaultDate),
                field.position());
    }

    private BulletinFile.Move move(Field field, LocalDate defaultDate) {
        Map<String, Field> keys = mapping(field, Set.of("unitId", "parentId", "provision", "effectiveFrom", "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        Field parent = keys.get("parentId");
        if (parent == null) {
            // a forgotten parent must not silently move the unit to the top of the tree
            problems.add(new FileProblem(field.child("parentId"), field.position().line(), field.position().column(),
                    "is required (null: the unit moves to the top)"));
        }
        return new BulletinFile.Move(
                value(required(field, keys, "unitId"), UnitId::of),
                parent == null || parent.isNull() ? null : value(parent, UnitId::of),
                provision(required(field, keys, "provision")),
                effectiveFrom(keys.get("effectiveFrom"), defaultDate),
                field.position());
    }

    private BulletinFile.HeadDesignation headDesignation(Field field, LocalDate defaultDate) {
        Map<String, Field> keys = mapping(field, Set.of("unitId", "title", "level", "provision", "effectiveFrom", "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        return new BulletinFile.HeadDesignation(
                value(required(field, keys, "unitId"), UnitId::of),
                head(field, keys),
                effectiveFrom(keys.get("effectiveFrom"), defaultDate));
    }

    private BulletinFile.Vacancy vacancy(Field field, LocalDate defaultDate) {
        Map<String, Field> keys = mapping(field, Set.of("unitId", "provision", "effectiveFrom", "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        return new BulletinFile.Vacancy(
                value(required(field, keys, "unitId"), UnitId::of),
                provision(required(field, keys, "provision")),
                effectiveFrom(keys.get("effectiveFrom"), defaultDate),
                field.position());
    }

    private BulletinFile.Withdrawal withdrawal(Field field, LocalDate defaultDate) {
        Map<String, Field> keys = mapping(field, Set.of("unitId", "functionId", "provision", "effectiveFrom", "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        return new BulletinFile.Withdrawal(
                value(required(field, keys, "unitId"), UnitId::of),
                value(required(field, keys, "functionId"), FunctionId::of),
                provision(required(field, keys, "provision")),
                effectiveFrom(keys.get("effectiveFrom"), defaultDate),
                field.position());
    }

    private BulletinFile.Reaffirmation reaffirmation(Field field, LocalDate defaultDate) {
        Map<String, Field> keys = mapping(field, Set.of("unitId", "functionId", "provision", "effectiveFrom", "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        Field function = keys.get("functionId");
        return new BulletinFile.Reaffirmation(
                value(required(field, keys, "unitId"), UnitId::of),
                function == null || function.isNull() ? null : value(function, FunctionId::of),
                provision(required(field, keys, "provision")),
                effectiveFrom(keys.get("effectiveFrom"), defaultDate),
                field.position());
    }

    private BulletinFile.Abolition abolition(Field field, LocalDate defaultDate) {
        Map<String, Field> keys = mapping(field, Set.of("unitId", "closure", "successorIds", "provision", "effectiveFrom",
                "notes"));
        if (keys == null) {
            return null;
        }
        checkNotes(keys.get("notes"));
        Field closure = keys.get("closure");
        return new BulletinFile.Abolition(
                value(required(field, keys, "unitId"), UnitId::of),
                closure == null ? ClosureKind.ABOLISHED : value(closure, ClosureKind::valueOf),
                list(keys.get("successorIds"), item -> value(item, UnitId::of)),
                provision(required(field, keys, "provision")),
                effectiveFrom(keys.get("effectiveFrom"), defaultDate),
                field.position());
    }

    /** An LText: language -> plain string (this instrument's official wording) or {text, status, source}. */
    private LabelledText labelledText(Field field) {
        if (field == null) {
            return null;
        }
        Map<String, Field> languages = mapping(field, null);
        if (languages == null) {
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, TextLabel> labels = new LinkedHashMap<>();
        languages.forEach((language, entry) -> {
            if (entry.isMapping()) {
                Map<String, Field> keys = mapping(entry, Set.of("text", "status", "source"));
                String text = string(required(entry, keys, "text"));
                TextStatus status = value(required(entry, keys, "status"), TextStatus::valueOf);
                String source = optionalString(keys.get("source"));
                if (text != null && status != null) {
                    texts.put(language, text);
                    if (status != TextStatus.VERBATIM || source != null) {
                        labels.put(language, new TextLabel(status, source));
                    }
                }
            } else {
                String text = string(entry);
                if (text != null) {
                    texts.put(language, text);
                }
            }
        });
        if (texts.size() != languages.size()) {
            return null;
        }
        LocalizedText text = value(field, ignored -> LedgerText.require(field.path(), LocalizedText.of(texts)));
        return text == null ? null : new LabelledText(text, labels);
    }

    private LabelledText withTranslations(LabelledText text, Field field) {
        Map<String, Field> translations = mapping(field, null);
        if (translations == null) {
            return text;
        }
        Map<String, String> texts = new LinkedHashMap<>(text.text().values());
        Map<String, TextLabel> labels = new LinkedHashMap<>(text.labels());
        translations.forEach((language, entry) -> {
            if (texts.containsKey(language)) {
                problem(entry, "language " + language + " is both in text and in translation");
            }
            texts.put(language, string(entry));
            labels.put(language, new TextLabel(TextStatus.UNOFFICIAL_TRANSLATION, null));
        });
        LocalizedText merged = value(field, ignored -> LedgerText.require(field.path(), LocalizedText.of(texts)));
        return merged == null ? text : new LabelledText(merged, labels);
    }

    private void checkUniqueness(List<BulletinFile.Unit> units, List<BulletinFile.AssignedFunction> functions) {
        Set<UnitId> unitIds = new HashSet<>();
        Set<String> functionKeys = new HashSet<>();
        for (BulletinFile.Unit unit : units) {
            if (unit == null) {
                continue;
            }
            if (unit.id() != null && !unitIds.add(unit.id())) {
                problems.add(unit.position().problem("unit id " + unit.id() + " appears twice in the file"));
            }
            for (BulletinFile.Function function : unit.functions()) {
                if (function != null && function.id() != null && !functionKeys.add(unit.id() + " " + function.id())) {
                    problems.add(function.position().problem("function id " + function.id() + " appears twice for " + unit.id()));
                }
            }
        }
        for (BulletinFile.AssignedFunction assigned : functions) {
            if (assigned == null) {
                continue;
            }
            if (unitIds.contains(assigned.unitId())) {
                problems.add(assigned.function().position().problem(
                        "unit " + assigned.unitId() + " is established by this file: list its functions under units[].functions"));
            }
            if (assigned.function().id() != null && !functionKeys.add(assigned.unitId() + " " + assigned.function().id())) {
                problems.add(assigned.function().position().problem("function id " + assigned.function().id() + " appears twice"));
            }
        }
    }

    /** A unit ends once; a second abolition in the same file is a mistake in the file, not a rule to test. */
    private void checkAbolishedOnce(List<BulletinFile.Abolition> abolitions) {
        Set<UnitId> abolished = new HashSet<>();
        for (BulletinFile.Abolition abolition : abolitions) {
            if (abolition != null && abolition.unitId() != null && !abolished.add(abolition.unitId())) {
                problems.add(abolition.position().problem("unit " + abolition.unitId() + " is abolished twice in the file"));
            }
        }
    }

    private LocalDate effectiveFrom(Field field, LocalDate defaultDate) {
        if (field == null) {
            return defaultDate;
        }
        LocalDate date = date(field);
        if (date != null && defaultDate != null && date.isBefore(defaultDate)) {
            problem(field, "must not be earlier than the instrument's effectiveFrom " + defaultDate);
        }
        return date;
    }

    private LocalDate date(Field field) {
        if (field == null) {
            return null;
        }
        ScalarNode scalar = scalar(field);
        if (scalar == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(scalar.getValue());
            if (!LedgerDates.holds(date)) {
                problem(field, LedgerDates.DATE_RULE + ": " + scalar.getValue());
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problem(field, "not a date (YYYY-MM-DD): " + scalar.getValue());
            return null;
        }
    }

    private String provision(Field field) {
        if (field == null) {
            return null;
        }
        ScalarNode scalar = scalar(field);
        if (scalar == null) {
            return null;
        }
        if (!Tag.STR.equals(scalar.getTag())) {
            problem(field, "a provision must be a quoted string, e.g. \"6.1\"");
            return null;
        }
        if (!PROVISION.matcher(scalar.getValue()).matches()) {
            problem(field, "not a provision (e.g. \"7.2(b)\", \"11.2\", \"unspecified\"): " + scalar.getValue());
            return null;
        }
        return scalar.getValue();
    }

    private void checkNotes(Field field) {
        list(field, this::string);
    }

    private String optionalString(Field field) {
        return field == null || field.isNull() ? null : string(field);
    }

    private String string(Field field) {
        ScalarNode scalar = scalar(field);
        if (scalar == null) {
            return null;
        }
        if (!Tag.STR.equals(scalar.getTag())) {
            problem(field, "must be a string");
            return null;
        }
        return scalar.getValue();
    }

    /** Converts a scalar with a value type's own validation; its message becomes the problem. */
    private <T> T value(Field field, Function<String, T> convert) {
        if (field == null) {
            return null;
        }
        String text = field.node() instanceof ScalarNode scalar ? scalar.getValue() : null;
        if (text == null && !field.isMapping()) {
            scalar(field);
            return null;
        }
        try {
            return convert.apply(text);
        } catch (IllegalArgumentException e) {
            problem(field, e.getMessage());
            return null;
        } catch (InvalidInput e) {
            problem(field, e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
            return null;
        }
    }

    private ScalarNode scalar(Field field) {
        checkTag(field);
        if (field.node() instanceof ScalarNode scalar) {
            return scalar;
        }
        problem(field, "must be a single value");
        return null;
    }

    private <T> List<T> list(Field field, Function<Field, T> item) {
        if (field == null || field.isNull()) {
            return List.of();
        }
        checkTag(field);
        if (!(field.node() instanceof SequenceNode sequence)) {
            problem(field, "must be a list");
            return List.of();
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(item.apply(new Field(field.path() + "[" + i + "]", sequence.getValue().get(i))));
        }
        return items;
    }

    /** The mapping's entries; unknown keys are problems ({@code allowed} null: any key). */
    private Map<String, Field> mapping(Field field, Set<String> allowed) {
        if (field == null) {
            return null;
        }
        checkTag(field);
        if (!field.isMapping()) {
            problem(field, "must be a mapping");
            return null;
        }
        Map<String, Field> entries = entries(field);
        if (allowed != null) {
            entries.forEach((key, value) -> {
                if (!allowed.contains(key)) {
                    problem(value, "unknown key '" + key + "'");
                }
            });
        }
        return entries;
    }

    private Map<String, Field> entries(Field field) {
        Map<String, Field> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) field.node()).getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), new Field(field.child(key.getValue()), tuple.getValueNode()));
            } else {
                problem(new Field(field.path(), tuple.getKeyNode()), "keys must be plain strings");
            }
        }
        return entries;
    }

    private Field required(Field parent, Map<String, Field> keys, String key) {
        if (keys == null) {
            return null;
        }
        Field field = keys.get(key);
        if (field == null || field.isNull()) {
            problems.add(new FileProblem(parent.child(key), parent.position().line(), parent.position().column(),
                    "is required"));
            return null;
        }
        return field;
    }

    private void checkTag(Field field) {
        if (field.node().getAnchor() != null) {
            problem(field, "anchors and aliases are not allowed");
        }
        if (!PLAIN_TAGS.contains(field.node().getTag())) {
            problem(field, "tags are not allowed: " + field.node().getTag());
        }
    }

    private void problem(Field field, String message) {
        problems.add(field.position().problem(message));
    }

    /** A node with the path that leads to it. */
    private record Field(String path, Node node) {

        String child(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        boolean isMapping() {
            return node instanceof MappingNode;
        }

        boolean isNull() {
            return Tag.NULL.equals(node.getTag());
        }

        Position position() {
            return new Position(path.isEmpty() ? "(file)" : path, node.getStartMark().getLine() + 1,
                    node.getStartMark().getColumn() + 1);
        }
    }
}
