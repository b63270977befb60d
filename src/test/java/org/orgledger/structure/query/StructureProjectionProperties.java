package org.orgledger.structure.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.flywaydb.core.Flyway;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.BulletinSuperseded;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.language.LocalizedText;
import org.orgledger.structure.api.FunctionView;
import org.orgledger.structure.api.HeadView;
import org.orgledger.structure.api.UnitView;
import org.orgledger.unit.api.ChangeRetracted;
import org.orgledger.unit.api.ClosureKind;
import org.orgledger.unit.api.FunctionAssigned;
import org.orgledger.unit.api.FunctionId;
import org.orgledger.unit.api.FunctionReaffirmed;
import org.orgledger.unit.api.FunctionWithdrawn;
import org.orgledger.unit.api.HeadDesignated;
import org.orgledger.unit.api.HeadLevel;
import org.orgledger.unit.api.HeadVacated;
import org.orgledger.unit.api.ReportingLineChanged;
import org.orgledger.unit.api.UnitAbolished;
import org.orgledger.unit.api.UnitEstablished;
import org.orgledger.unit.api.UnitEvent;
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.api.UnitKind;
import org.orgledger.unit.api.UnitReaffirmed;
import org.orgledger.unit.api.UnitRenamed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The oracle of the bitemporal read model: for random histories (random changes with random
 * effective dates, so recorded in an order unrelated to the order they take effect, with
 * retractions and supersessions) and random (asOf, knownAt), the structure the projection
 * answers equals a plain fold over the event list ({@link #fold}), which is the specification.
 *
 * <p>How it is driven, and why: the projection's own {@code @EventHandler}s are invoked through
 * Axon's annotation adapter with tracked event messages (the global sequence in the token, the
 * recorded time as the message timestamp), exactly the parameters the tracking processor
 * supplies, against one real PostgreSQL with the real migrations, started once for the class
 * and emptied by the projection's {@code @ResetHandler} between tries. Going through the event
 * store instead would need a Spring context and only histories the command side accepts, at a
 * few milliseconds per command plus the read-your-writes wait: minutes instead of seconds for
 * 200 histories on 2 cores, and narrower histories (the fold must agree on any event list).
 */
class StructureProjectionProperties {

    private static final LocalDate BASE = LocalDate.of(2000, 1, 1);
    private static final int DAYS = 40;
    private static final Instant FIRST_RECORDED = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> UNITS = List.of("u0", "u0/u1", "u2", "u2/u3");
    private static final List<String> INSTRUMENTS = List.of("ST/SGB/2000/1", "ST/SGB/2000/2", "A/RES/1/1");
    private static final List<String> FUNCTIONS = List.of("f0", "f1", "f2");

    private static EmbeddedPostgres postgres;
    private static Connection connection;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private static StructureProjection projection;
    private static AnnotationEventHandlerAdapter handlers;
    private static StructureReader reader;

    @BeforeContainer
    static void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
        // one connection for the whole class: opening one per statement costs more than the statement
        connection = postgres.getPostgresDatabase().getConnection();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        projection = new StructureProjection(new StructureFacts(jdbc), json, jdbc);
        handlers = new AnnotationEventHandlerAdapter(projection);
        reader = new StructureReader(jdbc, json);
    }

    @AfterContainer
    static void stopPostgres() throws IOException, SQLException {
        if (connection != null) {
            connection.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * {@code batch} 0 feeds the events one by one outside a transaction (as the consistency
     * check replays); otherwise in transactions of that many events, as a tracking processor
     * does, where the projection writes each batch just before it commits.
     */
    @Property(tries = 200)
    void the_projection_answers_what_a_fold_over_the_events_answers(@ForAll("histories") History history,
                                                                    @ForAll @IntRange(min = 0, max = 6) int batch)
            throws Exception {
        projection.onReset();
        List<Recorded> events = history.events();
        for (int from = 0; from < events.size(); from += Math.max(batch, 1)) {
            List<Recorded> chunk = events.subList(from, Math.min(events.size(), from + Math.max(batch, 1)));
            if (batch == 0) {
                handle(chunk);
            } else {
                transactions.executeWithoutResult(status -> handle(chunk));
            }
        }
        for (Probe probe : history.probes()) {
            List<UnitView> answered = reader.structure(probe.asOf(), probe.knownAt()).units();
            Map<String, UnitView> expected = fold(history.events(), probe.asOf(), probe.knownAt());
            Map<String, UnitView> actual = new TreeMap<>();
            answered.forEach(unit -> actual.put(unit.id(), unit));
            assertThat(actual).as("asOf %s, knownAt %s, history:%n%s", probe.asOf(), probe.knownAt(), history)
                    .isEqualTo(new TreeMap<>(expected));
            assertParentsFirst(answered);
        }
    }

    private static void handle(List<Recorded> chunk) {
        for (Recorded event : chunk) {
            try {
                handlers.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(event.sequence()),
                        new GenericEventMessage<>(UUID.randomUUID().toString(), event.payload(), Map.of(), event.recordedAt())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The cost of an as-of query follows the answer, not the history: with a long history the planner uses the GiST index. */
    @Example
    void with_a_long_history_an_as_of_query_is_answered_through_the_bitemporal_index() {
        projection.onReset();
        jdbc.update("""
                INSERT INTO structure_fact (unit_id, fact_key, value, authority, source_sequence, valid, known)
                SELECT 'u' || (g % 50), 'name', '{"en": "x"}', '{"instrument": "X", "provision": "1"}', g,
                       daterange(DATE '1900-01-01' + g, DATE '1900-01-01' + g + 1),
                       tstzrange(TIMESTAMPTZ '2000-01-01Z' + g * INTERVAL '1 minute',
                                 TIMESTAMPTZ '2000-01-01Z' + (g + 1) * INTERVAL '1 minute')
                FROM generate_series(1, 20000) g""");
        jdbc.execute("ANALYZE structure_fact");
        String query = StructureReader.AS_OF.replaceFirst("\\?", "'1950-01-01'").replaceFirst("\\?", "'2000-01-10T00:00:00Z'");
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + query, String.class));
        projection.onReset();
        assertThat(plan).contains("structure_fact_bitemporal_idx").doesNotContain("Seq Scan");
    }

    // ---- the specification ----

    /**
     * The structure on {@code asOf} as known at {@code knownAt}: the events recorded at or before
     * {@code knownAt}, minus those whose retraction was recorded at or before it; per unit and
     * fact, the assertion with the greatest (effectiveFrom, sequence) on or before {@code asOf}
     * wins; an ending assertion means the fact is absent; a unit is listed when it exists.
     */
    static Map<String, UnitView> fold(List<Recorded> events, LocalDate asOf, Instant knownAt) {
        Set<Long> retracted = new HashSet<>();
        for (Recorded event : events) {
            if (!event.recordedAt().isAfter(knownAt) && event.payload() instanceof ChangeRetracted retraction) {
                retracted.add(retraction.sequence());
            }
        }
        Map<String, Map<String, Fact>> winners = new HashMap<>();
        for (Recorded event : events) {
            if (event.recordedAt().isAfter(knownAt) || retracted.contains(event.sequence())
                    || !(event.payload() instanceof UnitEvent change) || change.effectiveFrom().isAfter(asOf)) {
                continue;
            }
            facts(change).forEach((key, value) -> winners.computeIfAbsent(change.unitId().value(), id -> new HashMap<>())
                    .merge(key, new Fact(change.effectiveFrom(), event.sequence(), value, change.authority()),
                            (a, b) -> a.compareTo(b) >= 0 ? a : b));
        }
        Map<String, UnitView> units = new HashMap<>();
        winners.forEach((unitId, facts) -> {
            Fact existence = facts.get("existence");
            if (existence == null || existence.value() == ENDS) {
                return;
            }
            List<FunctionView> functions = facts.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith("function:") && entry.getValue().value() != ENDS)
                    .map(entry -> new FunctionView(entry.getKey().substring("function:".length()),
                            (LocalizedText) entry.getValue().value(), entry.getValue().authority()))
                    .sorted(BulletinOrder.of(FunctionView::authority, FunctionView::id))
                    .toList();
            units.put(unitId, new UnitView(unitId, (UnitKind) existence.value(),
                    (LocalizedText) present(facts.get("name")), (String) present(facts.get("parent")),
                    (HeadView) present(facts.get("head")), existence.authority(), functions));
        });
        return units;
    }

    private static final Object ENDS = new Object();

    /** What one change says about the facts of its unit: a value from its effective date, or {@link #ENDS}. */
    private static Map<String, Object> facts(UnitEvent change) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (change instanceof UnitEstablished established) {
            facts.put("existence", established.kind());
            facts.put("name", established.name());
            if (established.parentId() != null) {
                facts.put("parent", established.parentId().value());
            }
        } else if (change instanceof UnitRenamed renamed) {
            facts.put("name", renamed.name());
        } else if (change instanceof ReportingLineChanged moved) {
            facts.put("parent", moved.parentId() == null ? ENDS : moved.parentId().value());
        } else if (change instanceof HeadDesignated head) {
            facts.put("head", new HeadView(head.title(), head.level() == null ? null : head.level().value()));
        } else if (change instanceof HeadVacated) {
            facts.put("head", ENDS);
        } else if (change instanceof FunctionAssigned assigned) {
            facts.put("function:" + assigned.functionId().value(), assigned.text());
        } else if (change instanceof FunctionWithdrawn withdrawn) {
            facts.put("function:" + withdrawn.functionId().value(), ENDS);
        } else if (change instanceof UnitAbolished) {
            facts.put("existence", ENDS);
        }
        return facts;
    }

    private static Object present(Fact fact) {
        return fact == null || fact.value() == ENDS ? null : fact.value();
    }

    private record Fact(LocalDate effectiveFrom, long sequence, Object value, Authority authority) implements Comparable<Fact> {
        @Override
        public int compareTo(Fact other) {
            int byDate = effectiveFrom.compareTo(other.effectiveFrom);
            return byDate != 0 ? byDate : Long.compare(sequence, other.sequence);
        }
    }

    private static void assertParentsFirst(List<UnitView> units) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            position.put(units.get(i).id(), i);
        }
        for (UnitView unit : units) {
            if (unit.parentId() != null && position.containsKey(unit.parentId())) {
                assertThat(position.get(unit.parentId())).as("%s before %s", unit.parentId(), unit.id())
                        .isLessThan(position.get(unit.id()));
            }
        }
    }

    // ---- random histories ----

    @Provide
    Arbitrary<History> histories() {
        return Arbitraries.randomValue(StructureProjectionProperties::history);
    }

    record Recorded(long sequence, Instant recordedAt, Object payload) {
        @Override
        public String toString() {
            return "#" + sequence + " @" + recordedAt + " " + payload;
        }
    }

    record Probe(LocalDate asOf, Instant knownAt) {
    }

    record History(List<Recorded> events, List<Probe> probes) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            events.forEach(event -> text.append("  ").append(event).append('\n'));
            return text.toString();
        }
    }

    static History history(Random random) {
        List<Recorded> events = new ArrayList<>();
        List<String> established = new ArrayList<>();
        long sequence = 0;
        Instant recordedAt = FIRST_RECORDED;
        int steps = 1 + random.nextInt(30);
        for (int step = 0; step < steps; step++) {
            sequence += random.nextInt(4) == 0 ? 2 : 1;
            // a quarter of the changes share their recorded time with the previous one (one append)
            recordedAt = random.nextInt(4) == 0 ? recordedAt : recordedAt.plusMillis(1 + random.nextInt(1000));
            List<String> notYet = UNITS.stream().filter(id -> !established.contains(id)).toList();
            if (established.isEmpty() || !notYet.isEmpty() && random.nextInt(5) == 0) {
                String id = notYet.get(random.nextInt(notYet.size()));
                established.add(id);
                events.add(new Recorded(sequence, recordedAt, new UnitEstablished(UnitId.of(id),
                        UnitKind.values()[random.nextInt(UnitKind.values().length)], text(random, "name"),
                        parentOf(random, id), date(random), authority(random))));
                continue;
            }
            String unit = established.get(random.nextInt(established.size()));
            int kind = random.nextInt(12);
            if (kind == 10) {
                Recorded retractable = retractable(random, events, unit);
                if (retractable != null) {
                    UnitEvent retracted = (UnitEvent) retractable.payload();
                    events.add(new Recorded(sequence, recordedAt, new ChangeRetracted(UnitId.of(unit),
                            retractable.sequence(), 0, retracted.getClass().getSimpleName(), "correction",
                            retracted.effectiveFrom(), authority(random))));
                    continue;
                }
            }
            if (kind == 11) {
                sequence = supersession(random, events, established, sequence, recordedAt);
                continue;
            }
            events.add(new Recorded(sequence, recordedAt, change(random, kind, unit)));
        }
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            probes.add(new Probe(BASE.plusDays(random.nextInt(DAYS + 4) - 2), knownAt(random, events)));
        }
        return new History(List.copyOf(events), List.copyOf(probes));
    }

    private static Object change(Random random, int kind, String unit) {
        UnitId id = UnitId.of(unit);
        LocalDate date = date(random);
        Authority authority = authority(random);
        return switch (kind) {
            case 0, 1 -> new UnitRenamed(id, text(random, "name"), date, authority);
            case 2 -> new ReportingLineChanged(id, parentOf(random, unit), date, authority);
            case 3 -> new HeadDesignated(id, text(random, "title"),
                    random.nextBoolean() ? HeadLevel.of(random.nextBoolean() ? "ASG" : "D-2") : null, date, authority);
            case 4 -> new HeadVacated(id, date, authority, null);
            case 5, 6 -> new FunctionAssigned(id, function(random), text(random, "text"), date, authority);
            case 7 -> new FunctionWithdrawn(id, function(random), date, authority, null);
            case 8 -> new UnitAbolished(id, ClosureKind.ABOLISHED, List.of(), date, authority, null);
            default -> random.nextBoolean() ? new UnitReaffirmed(id, date, authority)
                    : new FunctionReaffirmed(id, function(random), date, authority);
        };
    }

    /** An instrument ceases: one append with the superseding event and the endings it causes, all on one day. */
    private static long supersession(Random random, List<Recorded> events, List<String> established, long sequence,
                                     Instant recordedAt) {
        String ceased = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
        String superseding = INSTRUMENTS.get((INSTRUMENTS.indexOf(ceased) + 1) % INSTRUMENTS.size());
        LocalDate day = date(random);
        Authority authority = Authority.of(superseding, "9");
        InstrumentSymbol symbol = InstrumentSymbol.of(ceased);
        long next = sequence;
        events.add(new Recorded(next, recordedAt, new BulletinSuperseded(symbol, InstrumentSymbol.of(superseding), day, "9")));
        for (String unit : established) {
            if (random.nextBoolean()) {
                continue;
            }
            UnitId id = UnitId.of(unit);
            Object ending = switch (random.nextInt(3)) {
                case 0 -> new FunctionWithdrawn(id, function(random), day, authority, symbol);
                case 1 -> new HeadVacated(id, day, authority, symbol);
                default -> new UnitAbolished(id, ClosureKind.ABOLISHED, List.of(), day, authority, symbol);
            };
            events.add(new Recorded(++next, recordedAt, ending));
        }
        return next;
    }

    /** A change of the unit that is not an establishment or a retraction and is not retracted yet. */
    private static Recorded retractable(Random random, List<Recorded> events, String unit) {
        Set<Long> retracted = new HashSet<>();
        events.stream().filter(e -> e.payload() instanceof ChangeRetracted)
                .forEach(e -> retracted.add(((ChangeRetracted) e.payload()).sequence()));
        List<Recorded> candidates = events.stream()
                .filter(e -> e.payload() instanceof UnitEvent change && change.unitId().value().equals(unit)
                        && !(change instanceof UnitEstablished) && !(change instanceof ChangeRetracted)
                        && !retracted.contains(e.sequence()))
                .toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** Units report only to units listed before them, so no history reports in a circle. */
    private static UnitId parentOf(Random random, String unit) {
        int index = UNITS.indexOf(unit);
        if (index == 0 || random.nextInt(3) == 0) {
            return null;
        }
        return UnitId.of(UNITS.get(random.nextInt(index)));
    }

    private static Instant knownAt(Random random, List<Recorded> events) {
        Instant first = events.get(0).recordedAt();
        Instant last = events.get(events.size() - 1).recordedAt();
        return switch (random.nextInt(6)) {
            case 0 -> first.minusMillis(1);
            case 1 -> last.plusSeconds(1);
            case 2 -> events.get(random.nextInt(events.size())).recordedAt().minusMillis(1);
            default -> events.get(random.nextInt(events.size())).recordedAt();
        };
    }

    private static LocalDate date(Random random) {
        return BASE.plusDays(random.nextInt(DAYS));
    }

    private static Authority authority(Random random) {
        return Authority.of(INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size())), String.valueOf(1 + random.nextInt(3)));
    }

    private static FunctionId function(Random random) {
        return FunctionId.of(FUNCTIONS.get(random.nextInt(FUNCTIONS.size())));
    }

    private static LocalizedText text(Random random, String what) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("en", what + " " + random.nextInt(5));
        if (random.nextBoolean()) {
            values.put("zh", what + "-zh " + random.nextInt(3));
        }
        return LocalizedText.of(values);
    }
}
