package org.orgledger.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.orgledger.benchmark.BulletinWriter.Head;
import org.orgledger.benchmark.SyntheticHistory.BulletinFileBytes;
import org.orgledger.benchmark.SyntheticHistory.RenameSample;

/**
 * A seeded, realistic synthetic history of an organization, written as bulletin files that the
 * ledger accepts in the order given.
 *
 * <p>The organization is founded on 1950-01-01 (a root entity, departments, divisions, branches
 * and sections: a tree five levels deep) and lives until 2019: each year's bulletins establish,
 * rename, move, head, vacate, assign and withdraw functions, and abolish or merge units. Every
 * tenth year an "organization of the secretariat" bulletin supersedes the previous one and
 * re-grounds what of it is still in force; every seventh year a bulletin of years ago is
 * recorded late, with changes effective before changes already recorded.
 *
 * <p>The generator keeps the ledger's rules by construction, with a model of its own: a unit
 * at level k only ever reports to a unit at level k-1 (no cycles), every change of a unit
 * takes effect after its previous one (so an abolition never precedes a change), a unit is
 * abolished only when nothing reports to it, and each change cites an instrument in force on
 * its date (yearly and retroactive bulletins are never superseded).
 */
final class HistoryGenerator {

    static final LocalDate FOUNDED = LocalDate.of(1950, 1, 1);
    /** The most years a history spans; small histories span fewer, so they still fill each year. */
    static final int MAX_YEARS = 69;
    private static final int CHANGES_PER_YEAR_AT_LEAST = 50;
    private static final int FOUNDING_UNITS = 300;
    private static final String[] KINDS = {"ENTITY", "OFFICE", "DIVISION", "BRANCH", "SECTION"};
    private static final String[] LEVEL_WORDS = {"Organization", "Department", "Division", "Branch", "Section"};
    private static final String[] HEAD_TITLES = {"Secretary-General", "Under-Secretary-General", "Director", "Chief", "Chief"};
    private static final String[] HEAD_LEVELS = {"SG", "USG", "D-2", "D-1", "P-5"};
    /** Share of each level among new units: departments are rare, sections common. */
    private static final double[] LEVEL_SHARE = {0, 0.02, 0.08, 0.30, 0.60};
    private static final String[] TOPICS = {"Economic Affairs", "Social Development", "Statistics", "Human Settlements",
            "Field Support", "Legal Affairs", "Peace Operations", "Humanitarian Affairs", "Budget and Finance",
            "Human Resources", "Information Technology", "Conference Services", "Public Information", "Disarmament",
            "Environment", "Trade and Development", "Population", "Oversight", "Ethics", "Safety and Security"};

    private final Random random;
    private final int targetChanges;
    private final int maxChangesPerFile;
    private final int lastYear;
    private final String unitPrefix;
    private final String symbolPrefix;
    private final List<BulletinFileBytes> files = new ArrayList<>();
    private final List<Unit> allUnits = new ArrayList<>();
    private final Map<String, Unit> unitsById = new HashMap<>();
    private final List<Pool<Unit>> live = new ArrayList<>();
    private final Pool<Function> liveFunctions = new Pool<>();
    private final List<RenameSample> renames = new ArrayList<>();
    private int renameSerial;
    private final Map<Integer, Integer> bulletinsPerYear = new HashMap<>();
    private int changes;
    private int unitSerial;
    private int functionSerial;
    private String organizationBulletin;

    private HistoryGenerator(long seed, int targetChanges, int maxChangesPerFile, int organization) {
        this.random = new Random(seed);
        this.targetChanges = targetChanges;
        this.maxChangesPerFile = maxChangesPerFile;
        int years = Math.max(12, Math.min(MAX_YEARS, targetChanges / CHANGES_PER_YEAR_AT_LEAST));
        this.lastYear = FOUNDED.getYear() + years;
        this.unitPrefix = organization == 0 ? "syn/" : "syn" + organization + "/";
        this.symbolPrefix = organization == 0 ? "ST/SGB/" : "ORG" + organization + "/SGB/";
        for (int level = 0; level < KINDS.length; level++) {
            live.add(new Pool<>());
        }
    }

    /** About {@code targetChanges} changes (commands), in files of at most {@code maxChangesPerFile}. */
    static SyntheticHistory generate(long seed, int targetChanges, int maxChangesPerFile) {
        return generate(seed, targetChanges, maxChangesPerFile, 0);
    }

    /**
     * The history of another organization ({@code organization} > 0), with unit ids and
     * instrument symbols of its own: it can be imported alongside, concurrently, by another client.
     */
    static SyntheticHistory generate(long seed, int targetChanges, int maxChangesPerFile, int organization) {
        return new HistoryGenerator(seed, targetChanges, maxChangesPerFile, organization).run();
    }

    private SyntheticHistory run() {
        int foundingUnits = Math.max(20, Math.min(FOUNDING_UNITS, targetChanges / 30));
        found(foundingUnits);
        int foundingSize = unitsInForceOn(FOUNDED.plusMonths(6));
        int years = lastYear - FOUNDED.getYear();
        for (int year = FOUNDED.getYear() + 1; year <= lastYear; year++) {
            int yearsLeft = lastYear - year + 1;
            int budget = Math.max(0, (targetChanges - changes) / yearsLeft);
            if (year % 10 == 0) {
                reorganize(year);
            }
            yearOfChanges(year, budget);
            if (year % 7 == 0 && year > FOUNDED.getYear() + 5) {
                retroactive(year, Math.max(3, budget / 10));
            }
        }
        LocalDate end = LocalDate.of(lastYear, 12, 31);
        List<String> liveAtEnd = new ArrayList<>();
        for (Pool<Unit> level : live) {
            level.items().forEach(unit -> liveAtEnd.add(unit.id));
        }
        Set<String> liveIds = new HashSet<>(liveAtEnd);
        List<RenameSample> retractable = renames.stream().filter(sample -> liveIds.contains(sample.unitId())).toList();
        return new SyntheticHistory(List.copyOf(files), changes, allUnits.size(), years, FOUNDED.plusMonths(6),
                foundingSize, end, unitsInForceOn(end), liveAtEnd, retractable);
    }

    private int unitsInForceOn(LocalDate date) {
        return (int) allUnits.stream().filter(unit -> unit.inForceOn(date)).count();
    }

    // ---- the founding bulletins: the first, the organization bulletin, grounds the top two levels

    private void found(int units) {
        organizationBulletin = symbol(FOUNDED.getYear());
        BulletinWriter organization = bulletin(organizationBulletin, "Organization of the Secretariat", FOUNDED, FOUNDED);
        Unit root = establish(organization, 0, null, FOUNDED, true, 2);
        int departments = Math.max(2, units / 50);
        for (int i = 0; i < departments; i++) {
            establish(organization, 1, root, FOUNDED, true, 2);
        }
        close(organization);
        // the lower levels: each division, branch, section by a bulletin of its department
        int[] perLevel = {0, 0, Math.max(2, units * 8 / 100), Math.max(3, units * 30 / 100), 0};
        perLevel[4] = Math.max(4, units - 1 - departments - perLevel[2] - perLevel[3]);
        BulletinWriter current = null;
        for (int level = 2; level < KINDS.length; level++) {
            for (int i = 0; i < perLevel[level]; i++) {
                if (current == null || current.changes() > maxChangesPerFile - 10) {
                    close(current);
                    current = bulletin(symbol(FOUNDED.getYear()), "Organization of the departments", FOUNDED, FOUNDED);
                }
                establish(current, level, live.get(level - 1).pick(random), FOUNDED, level <= 2, 2);
            }
        }
        close(current);
    }

    // ---- every tenth year: a new organization bulletin supersedes the last one

    private void reorganize(int year) {
        LocalDate date = LocalDate.of(year, 1, 1);
        String previous = organizationBulletin;
        organizationBulletin = symbol(year);
        BulletinWriter bulletin = bulletin(organizationBulletin, "Organization of the Secretariat", date.minusDays(20), date);
        bulletin.supersede(previous);
        // what the superseded bulletin grounds and this one keeps: without this, it would end
        for (Pool<Unit> level : live) {
            for (Unit unit : level.items()) {
                if (unit.grounds.contains(previous)) {
                    bulletin.reaffirm(unit.id, null, date);
                    unit.changedOn(date);
                    unit.grounds.add(organizationBulletin);
                }
            }
        }
        for (Function function : liveFunctions.items()) {
            if (function.grounds.contains(previous)) {
                bulletin.reaffirm(function.unit.id, function.id, date);
                function.grounds.add(organizationBulletin);
                function.unit.changedOn(date);
            }
        }
        for (Unit department : live.get(1).items()) {
            if (department.grounds.contains(organizationBulletin)) {
                assignFunction(bulletin, department, date).grounds.add(organizationBulletin);
            }
        }
        close(bulletin);
    }

    // ---- a year of ordinary bulletins

    private void yearOfChanges(int year, int budget) {
        int fileCount = Math.max(1, (budget + maxChangesPerFile - 1) / maxChangesPerFile);
        int perFile = budget / fileCount;
        LocalDate yearStart = LocalDate.of(year, 1, 10);
        int span = 350 / fileCount;
        for (int i = 0; i < fileCount; i++) {
            LocalDate from = yearStart.plusDays((long) i * span);
            BulletinWriter bulletin = bulletin(symbol(year), "Changes in the organization of the Secretariat",
                    from.minusDays(random.nextInt(30)), from);
            int attempts = 0;
            while (bulletin.changes() < perFile && attempts < perFile * 20) {
                attempts++;
                LocalDate date = from.plusDays((long) (bulletin.changes() * (span - 1L)) / Math.max(1, perFile));
                change(bulletin, date);
            }
            close(bulletin);
        }
    }

    /** One change on {@code date}, chosen at random; nothing when the choice does not fit. */
    private void change(BulletinWriter bulletin, LocalDate date) {
        double roll = random.nextDouble();
        if (roll < 0.16) {
            int level = levelForNewUnit();
            Unit parent = live.get(level - 1).pick(random);
            if (parent != null && !parent.established.isAfter(date)) {
                establish(bulletin, level, parent, date, random.nextDouble() < 0.5, random.nextInt(3));
            }
            return;
        }
        Unit unit = randomLiveUnit(date);
        if (unit == null) {
            return;
        }
        if (roll < 0.36) {
            rename(bulletin, unit, date);
        } else if (roll < 0.46) {
            Unit parent = unit.level < 2 ? null : live.get(unit.level - 1).pick(random);
            if (parent != null && !parent.id.equals(unit.parent) && !parent.established.isAfter(date)) {
                bulletin.move(unit.id, parent.id, date);
                unitsById.get(unit.parent).children--;
                parent.children++;
                unit.parent = parent.id;
                unit.changedOn(date);
            }
        } else if (roll < 0.56) {
            bulletin.designateHead(unit.id, head(unit.level), date);
            unit.heads.put(date, true);
            unit.changedOn(date);
        } else if (roll < 0.61) {
            if (unit.hasHeadOn(date)) {
                bulletin.vacate(unit.id, date);
                unit.heads.put(date, false);
                unit.changedOn(date);
            }
        } else if (roll < 0.74) {
            // the format lists a new unit's functions with the unit, not as a separate entry
            if (!unit.grounds.contains(bulletin.symbol())) {
                assignFunction(bulletin, unit, date);
            }
        } else if (roll < 0.88) {
            Function function = unit.functions.isEmpty() ? null : unit.functions.get(random.nextInt(unit.functions.size()));
            if (function != null) {
                bulletin.withdraw(unit.id, function.id, date);
                unit.functions.remove(function);
                liveFunctions.remove(function);
                unit.changedOn(date);
            }
        } else {
            abolish(bulletin, unit, date);
        }
    }

    private void abolish(BulletinWriter bulletin, Unit candidate, LocalDate date) {
        // the top levels stay, and a unit with units under it is not abolished: sections are
        Unit unit = candidate.level >= 2 && candidate.children == 0 ? candidate : randomUnit(KINDS.length - 1);
        if (unit == null || unit.children > 0 || !unit.lastChange.isBefore(date)) {
            return;
        }
        Unit successor = random.nextBoolean() ? live.get(unit.level).pick(random) : null;
        if (successor == unit || (successor != null && successor.established.isAfter(date))) {
            successor = null;
        }
        bulletin.abolish(unit.id, successor == null ? null : successor.id, date);
        unit.abolished = date;
        live.get(unit.level).remove(unit);
        unit.functions.forEach(liveFunctions::remove);
        unit.functions.clear();
        unitsById.get(unit.parent).children--;
    }

    // ---- every seventh year: a retroactive bulletin, effective years back

    private void retroactive(int year, int budget) {
        int pastDays = (int) (LocalDate.of(year - 2, 12, 31).toEpochDay() - LocalDate.of(FOUNDED.getYear() + 1, 1, 1).toEpochDay());
        LocalDate effective = LocalDate.of(FOUNDED.getYear() + 1, 1, 1).plusDays(random.nextInt(pastDays));
        // an instrument of years ago, recorded only now: issued then, so it is cited by its year of issue
        BulletinWriter bulletin = bulletin(symbol(effective.getYear()), "Changes in the organization (recorded late)",
                effective.minusDays(random.nextInt(30)), effective);
        int attempts = 0;
        while (bulletin.changes() < budget && attempts < budget * 20) {
            attempts++;
            LocalDate date = effective.plusDays(random.nextInt(30));
            Unit unit = randomUnit(random.nextInt(KINDS.length));
            if (unit == null || unit.established.isAfter(date)) {
                continue;
            }
            double roll = random.nextDouble();
            if (roll < 0.5) {
                bulletin.rename(unit.id, newName(unit.level) + " (as corrected)", date);
                unit.changedOn(date);
            } else if (roll < 0.8) {
                assignFunction(bulletin, unit, date);
            } else if (!unit.heads.containsKey(date)) {
                bulletin.designateHead(unit.id, head(unit.level), date);
                unit.heads.put(date, true);
                unit.changedOn(date);
            }
        }
        close(bulletin);
    }

    // ---- the model's parts

    private Unit establish(BulletinWriter bulletin, int level, Unit parent, LocalDate date, boolean headed, int functions) {
        Unit unit = new Unit(unitPrefix + KINDS[level].toLowerCase() + "-" + (++unitSerial), level,
                parent == null ? null : parent.id, date);
        unit.grounds.add(bulletin.symbol());
        List<String[]> texts = new ArrayList<>();
        for (int i = 0; i < functions; i++) {
            Function function = new Function("f-" + (++functionSerial), unit);
            function.grounds.add(bulletin.symbol());
            unit.functions.add(function);
            liveFunctions.add(function);
            texts.add(new String[] {function.id, functionText()});
        }
        Head head = headed ? head(level) : null;
        if (headed) {
            unit.heads.put(date, true);
        }
        bulletin.establish(unit.id, KINDS[level], name(level), unit.parent, date, head, texts);
        allUnits.add(unit);
        unitsById.put(unit.id, unit);
        live.get(level).add(unit);
        if (parent != null) {
            parent.children++;
        }
        return unit;
    }

    private Function assignFunction(BulletinWriter bulletin, Unit unit, LocalDate date) {
        Function function = new Function("f-" + (++functionSerial), unit);
        function.grounds.add(bulletin.symbol());
        bulletin.assignFunction(unit.id, function.id, functionText(), date);
        unit.functions.add(function);
        liveFunctions.add(function);
        unit.changedOn(date);
        return function;
    }

    private void rename(BulletinWriter bulletin, Unit unit, LocalDate date) {
        bulletin.rename(unit.id, newName(unit.level), date);
        unit.changedOn(date);
        if (renames.size() < 200 && random.nextInt(4) == 0) {
            renames.add(new RenameSample(unit.id, date, bulletin.symbol()));
        }
    }

    /** A live unit whose changes so far all take effect before {@code date}. */
    private Unit randomLiveUnit(LocalDate date) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Unit unit = randomUnit(1 + random.nextInt(KINDS.length - 1));
            if (unit != null && unit.lastChange.isBefore(date)) {
                return unit;
            }
        }
        return null;
    }

    private Unit randomUnit(int level) {
        return live.get(level).pick(random);
    }

    private int levelForNewUnit() {
        double roll = random.nextDouble();
        double sum = 0;
        for (int level = 1; level < LEVEL_SHARE.length; level++) {
            sum += LEVEL_SHARE[level];
            if (roll < sum) {
                return level;
            }
        }
        return KINDS.length - 1;
    }

    /** A name no unit has had: a renaming to the name in force is refused (NO_CHANGE). */
    private String newName(int level) {
        return name(level) + " (" + (++renameSerial) + ")";
    }

    private String name(int level) {
        return LEVEL_WORDS[level] + (level == 0 ? "" : " of " + TOPICS[random.nextInt(TOPICS.length)]);
    }

    private static Head head(int level) {
        return new Head(HEAD_TITLES[level], HEAD_LEVELS[level]);
    }

    private String functionText() {
        return "Coordinates and reports on matters of " + TOPICS[random.nextInt(TOPICS.length)].toLowerCase()
                + " (task " + functionSerial + ")";
    }

    private String symbol(int year) {
        return symbolPrefix + year + "/" + bulletinsPerYear.merge(year, 1, Integer::sum);
    }

    private BulletinWriter bulletin(String symbol, String title, LocalDate issuedOn, LocalDate effectiveFrom) {
        return new BulletinWriter(symbol, title, issuedOn, effectiveFrom);
    }

    private void close(BulletinWriter bulletin) {
        if (bulletin == null) {
            return;
        }
        byte[] yaml = bulletin.toYaml();
        files.add(new BulletinFileBytes(bulletin.symbol().replace('/', '-').toLowerCase() + ".yaml", yaml,
                bulletin.changes(), bulletin.effectiveFrom()));
        changes += bulletin.changes();
    }

    private static final class Unit implements Pool.Member {
        final String id;
        final int level;
        final LocalDate established;
        final Set<String> grounds = new HashSet<>();
        final TreeMap<LocalDate, Boolean> heads = new TreeMap<>();
        final List<Function> functions = new ArrayList<>();
        String parent;
        LocalDate lastChange;
        LocalDate abolished;
        int children;
        int poolIndex = -1;

        Unit(String id, int level, String parent, LocalDate established) {
            this.id = id;
            this.level = level;
            this.parent = parent;
            this.established = established;
            this.lastChange = established;
        }

        boolean inForceOn(LocalDate date) {
            return !established.isAfter(date) && (abolished == null || date.isBefore(abolished));
        }

        boolean hasHeadOn(LocalDate date) {
            Map.Entry<LocalDate, Boolean> latest = heads.floorEntry(date);
            return latest != null && latest.getValue() && !heads.containsKey(date);
        }

        void changedOn(LocalDate date) {
            if (date.isAfter(lastChange)) {
                lastChange = date;
            }
        }

        @Override
        public int poolIndex() {
            return poolIndex;
        }

        @Override
        public void poolIndex(int index) {
            poolIndex = index;
        }
    }

    private static final class Function implements Pool.Member {
        final String id;
        final Unit unit;
        final Set<String> grounds = new HashSet<>();
        int poolIndex = -1;

        Function(String id, Unit unit) {
            this.id = id;
            this.unit = unit;
        }

        @Override
        public int poolIndex() {
            return poolIndex;
        }

        @Override
        public void poolIndex(int index) {
            poolIndex = index;
        }
    }
}
