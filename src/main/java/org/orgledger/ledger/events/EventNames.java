package org.orgledger.ledger.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orgledger.instrument.api.BulletinPromulgated;
import org.orgledger.instrument.api.BulletinSuperseded;
import org.orgledger.unit.api.AlternateNameRecorded;
import org.orgledger.unit.api.ChangeRetracted;
import org.orgledger.unit.api.FunctionAssigned;
import org.orgledger.unit.api.FunctionReaffirmed;
import org.orgledger.unit.api.FunctionWithdrawn;
import org.orgledger.unit.api.HeadDesignated;
import org.orgledger.unit.api.HeadVacated;
import org.orgledger.unit.api.ReportingLineChanged;
import org.orgledger.unit.api.UnitAbolished;
import org.orgledger.unit.api.UnitEstablished;
import org.orgledger.unit.api.UnitReaffirmed;
import org.orgledger.unit.api.UnitRenamed;

/**
 * The name every event is stored under ({@code payload_type} of the event tables), fixed once: a
 * name is data in an append-only log, so renaming or moving an event's class changes the class
 * below, never its name. The events recorded before this table existed were stored under their
 * class's name at the time; those strings are kept as their names, so stored history reads as it
 * is (decision 0011). A new event gets a name of the same form, {@code org.orgledger.<context>.api.<Event>}.
 */
public final class EventNames {

    private static final Map<Class<?>, String> NAMES = new LinkedHashMap<>();
    private static final Map<String, Class<?>> CLASSES = new LinkedHashMap<>();

    static {
        name(UnitEstablished.class, "org.orgledger.unit.api.UnitEstablished");
        name(UnitRenamed.class, "org.orgledger.unit.api.UnitRenamed");
        name(AlternateNameRecorded.class, "org.orgledger.unit.api.AlternateNameRecorded");
        name(ReportingLineChanged.class, "org.orgledger.unit.api.ReportingLineChanged");
        name(HeadDesignated.class, "org.orgledger.unit.api.HeadDesignated");
        name(HeadVacated.class, "org.orgledger.unit.api.HeadVacated");
        name(FunctionAssigned.class, "org.orgledger.unit.api.FunctionAssigned");
        name(FunctionReaffirmed.class, "org.orgledger.unit.api.FunctionReaffirmed");
        name(FunctionWithdrawn.class, "org.orgledger.unit.api.FunctionWithdrawn");
        name(UnitReaffirmed.class, "org.orgledger.unit.api.UnitReaffirmed");
        name(UnitAbolished.class, "org.orgledger.unit.api.UnitAbolished");
        name(ChangeRetracted.class, "org.orgledger.unit.api.ChangeRetracted");
        name(BulletinPromulgated.class, "org.orgledger.instrument.api.BulletinPromulgated");
        name(BulletinSuperseded.class, "org.orgledger.instrument.api.BulletinSuperseded");
    }

    private static void name(Class<?> event, String storedName) {
        if (NAMES.put(event, storedName) != null || CLASSES.put(storedName, event) != null) {
            throw new IllegalStateException("named twice: " + event + " / " + storedName);
        }
    }

    /** Every event the ledger records. */
    public static Set<Class<?>> events() {
        return Collections.unmodifiableSet(NAMES.keySet());
    }

    /** The stored name of an event's type; empty for a class that is not an event of the ledger. */
    public static Optional<String> storedName(Class<?> event) {
        return Optional.ofNullable(NAMES.get(event));
    }

    /** The event type stored under {@code storedName}. */
    public static Optional<Class<?>> eventNamed(String storedName) {
        return Optional.ofNullable(CLASSES.get(storedName));
    }

    /** The event type whose short name ({@link #shortName}) is {@code type}: what a change's {@code type} names. */
    public static Optional<Class<?>> eventOfType(String type) {
        return NAMES.entrySet().stream().filter(named -> named.getValue().endsWith("." + type))
                .<Class<?>>map(Map.Entry::getKey).findFirst();
    }

    /**
     * The short name of an event's type, the last part of its stored name ({@code UnitRenamed}): what
     * a change's {@code type} and a retraction's {@code retractedType} say, as stable as the stored name.
     */
    public static String shortName(Class<?> event) {
        String stored = storedName(event).orElseThrow(() -> new IllegalArgumentException("not an event of the ledger: " + event));
        return stored.substring(stored.lastIndexOf('.') + 1);
    }

    private EventNames() {
    }
}
