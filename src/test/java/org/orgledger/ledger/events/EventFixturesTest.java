package org.orgledger.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgledger.unit.api.AlternateNameRecorded;

/**
 * The stored form of every event, pinned by a fixture per event and revision
 * ({@code src/test/resources/events/<stored name>/<revision>.json}, {@code unversioned.json} for a
 * payload stored before events had revisions). Changing an event's shape fails here until it has a
 * new revision, a fixture of it, and an upcaster that brings the older fixtures to it.
 */
class EventFixturesTest {

    private static final LedgerEventSerializer SERIALIZER = LedgerEventSerializer.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Recorded with a revision from its first day. */
    private static final Set<Class<?>> NEVER_UNVERSIONED = Set.of(AlternateNameRecorded.class);

    static Stream<Class<?>> events() {
        return EventNames.events().stream();
    }

    static Stream<Class<?>> eventsStoredUnversioned() {
        return events().filter(event -> !NEVER_UNVERSIONED.contains(event));
    }

    @Test
    void every_event_has_a_sample() {
        assertThat(SampleEvents.current().keySet()).containsExactlyInAnyOrderElementsOf(EventNames.events());
    }

    @Test
    void every_event_the_ledger_handles_has_a_stored_name() {
        JavaClasses ledger = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.orgledger");
        Set<String> handled = ledger.stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(EventHandler.class) || method.isMetaAnnotatedWith(EventHandler.class))
                .map(method -> method.getRawParameterTypes().get(0))
                .filter(payload -> payload.getPackageName().startsWith("org.orgledger."))
                // a handler of an interface (UnitEvent) handles every event that implements it
                .flatMap(payload -> payload.isInterface()
                        ? ledger.stream().filter(type -> !type.isInterface() && type.isAssignableTo(payload.getName()))
                        : Stream.of(payload))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(handled).isNotEmpty();
        assertThat(EventNames.events().stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(handled);
    }

    @ParameterizedTest
    @MethodSource("events")
    void an_event_is_stored_under_its_name_and_revision_as_its_fixture(Class<?> event) {
        SerializedObject<byte[]> stored = SERIALIZER.serialize(SampleEvents.current().get(event), byte[].class);

        assertThat(stored.getType().getName()).isEqualTo(EventNames.storedName(event).orElseThrow());
        assertThat(stored.getType().getRevision()).isEqualTo(currentRevision(event));
        assertThat(tree(stored.getData())).isEqualTo(tree(fixture(event, currentRevision(event))));
    }

    @ParameterizedTest
    @MethodSource("events")
    void the_fixture_of_the_current_revision_reads_back_as_the_event(Class<?> event) {
        assertThat(read(event, currentRevision(event), fixture(event, currentRevision(event))))
                .isEqualTo(SampleEvents.current().get(event));
    }

    @ParameterizedTest
    @MethodSource("eventsStoredUnversioned")
    void a_payload_stored_before_revisions_reads_back_as_the_current_event(Class<?> event) {
        Object expected = SampleEvents.beforeLabels().getOrDefault(event, SampleEvents.current().get(event));

        assertThat(read(event, null, fixture(event, null))).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("eventsStoredUnversioned")
    void the_current_shape_stored_without_a_revision_reads_back_as_the_event(Class<?> event) {
        assertThat(read(event, null, fixture(event, currentRevision(event)))).isEqualTo(SampleEvents.current().get(event));
    }

    @Test
    void an_event_that_gained_labels_without_a_revision_reads_with_empty_labels() {
        assertThat(SampleEvents.beforeLabels()).isNotEmpty();
        SampleEvents.beforeLabels().forEach((event, expected) -> {
            assertThat(tree(fixture(event, null)).toString()).doesNotContain("Labels");
            assertThat(read(event, null, fixture(event, null))).isEqualTo(expected);
        });
    }

    @Test
    void every_fixture_belongs_to_an_event_and_one_of_its_revisions() throws IOException {
        List<String> unexpected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(fixtureRoot())) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = file.getParent().getFileName().toString();
                String revision = file.getFileName().toString().replace(".json", "");
                boolean known = EventNames.eventNamed(name)
                        .filter(event -> revision.equals(currentRevision(event))
                                || revision.equals("unversioned") && !NEVER_UNVERSIONED.contains(event))
                        .isPresent();
                if (!known) {
                    unexpected.add(fixtureRoot().relativize(file).toString());
                }
            });
        }
        assertThat(unexpected).as("fixtures of no event or revision").isEmpty();
    }

    /** What the event store does with a stored row: the upcasters, then the serializer. */
    private static Object read(Class<?> event, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("OrganizationalUnit", "un-habitat", 0,
                "e1", Instant.parse("2026-11-30T00:00:00Z"), EventNames.storedName(event).orElseThrow(), revision,
                payload, "{}".getBytes());
        IntermediateEventRepresentation upcast = EventSerialization.upcasters()
                .upcast(Stream.of(new InitialEventRepresentation(row, SERIALIZER)))
                .reduce((first, second) -> {
                    throw new AssertionError("one row upcast into several events");
                }).orElseThrow();
        assertThat(upcast.getType().getRevision()).as("revision after the upcasters").isEqualTo(currentRevision(event));
        return SERIALIZER.deserialize(upcast.getData());
    }

    private static String currentRevision(Class<?> event) {
        return new AnnotationRevisionResolver().revisionOf(event);
    }

    private static byte[] fixture(Class<?> event, String revision) {
        Path file = fixtureRoot().resolve(EventNames.storedName(event).orElseThrow())
                .resolve((revision == null ? "unversioned" : revision) + ".json");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("no fixture " + file, e);
        }
    }

    private static Path fixtureRoot() {
        try {
            return Path.of(EventFixturesTest.class.getResource("/events").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
