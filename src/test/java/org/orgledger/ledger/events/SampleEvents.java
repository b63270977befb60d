package org.orgledger.ledger.events;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.BulletinPromulgated;
import org.orgledger.instrument.api.BulletinSuperseded;
import org.orgledger.instrument.api.InstrumentKind;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.language.TextStatus;
import org.orgledger.unit.api.AlternateNameRecorded;
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
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.api.UnitKind;
import org.orgledger.unit.api.UnitReaffirmed;
import org.orgledger.unit.api.UnitRenamed;

/**
 * One event of each type as the ledger records it today, every optional field set (labels with and
 * without a source, a superseded instrument, successors), so that its fixture shows the whole shape.
 */
final class SampleEvents {

    static final UnitId DIVISION = UnitId.of("un-habitat/monitoring-and-research-division");
    static final UnitId SECRETARIAT = UnitId.of("un-habitat/secretariat");
    static final InstrumentSymbol SGB_1999 = InstrumentSymbol.of("ST/SGB/1999/22");
    static final InstrumentSymbol SGB_2002 = InstrumentSymbol.of("ST/SGB/2002/14");
    static final Authority SEC_8 = new Authority(SGB_2002, "8");
    static final LocalDate DAY = LocalDate.parse("2002-12-01");
    static final LocalizedText NAME = LocalizedText.of(Map.of("zh", "监测和研究司", "en", "Monitoring and Research Division"));
    static final Map<String, TextLabel> TRANSLATED = Map.of(
            "en", new TextLabel(TextStatus.UNOFFICIAL_TRANSLATION, "OrgLedger's own translation from the Chinese"),
            "fr", new TextLabel(TextStatus.SUMMARY, null));

    /** By event type: the sample of its current revision. */
    static Map<Class<?>, Object> current() {
        Map<Class<?>, Object> samples = new LinkedHashMap<>();
        add(samples, new UnitEstablished(DIVISION, UnitKind.DIVISION, NAME, TRANSLATED, SECRETARIAT, DAY, SEC_8));
        add(samples, new UnitRenamed(DIVISION, NAME, TRANSLATED, DAY, SEC_8));
        add(samples, new AlternateNameRecorded(DIVISION, LocalizedText.of(Map.of("zh", "城市事务秘书处", "en", "Secretariat for Urban Affairs")),
                TRANSLATED, DAY, SEC_8));
        add(samples, new ReportingLineChanged(DIVISION, SECRETARIAT, DAY, SEC_8));
        add(samples, new HeadDesignated(DIVISION, LocalizedText.of("en", "Director"), TRANSLATED, HeadLevel.of("D-2"), DAY, SEC_8));
        add(samples, new HeadVacated(DIVISION, DAY, new Authority(SGB_2002, "11.2"), SGB_1999));
        add(samples, new FunctionAssigned(DIVISION, FunctionId.of("sgb-2002-14-8-2-a"),
                LocalizedText.of(Map.of("zh", "监测全球住房状况；", "en", "Monitor global housing conditions;")), TRANSLATED, DAY, SEC_8));
        add(samples, new FunctionReaffirmed(DIVISION, FunctionId.of("sgb-2002-14-8-2-a"), DAY, SEC_8));
        add(samples, new FunctionWithdrawn(DIVISION, FunctionId.of("sgb-1999-22-2-1-a"), DAY, new Authority(SGB_2002, "11.2"), SGB_1999));
        add(samples, new UnitReaffirmed(DIVISION, DAY, SEC_8));
        add(samples, new UnitAbolished(DIVISION, ClosureKind.SPLIT_INTO,
                List.of(UnitId.of("un-habitat/research-branch"), UnitId.of("un-habitat/monitoring-branch")), DAY,
                new Authority(SGB_2002, "11.2"), SGB_1999));
        add(samples, new ChangeRetracted(DIVISION, 1001, 4, "UnitRenamed", "recorded with the wrong provision",
                DAY, SEC_8));
        add(samples, new BulletinPromulgated(SGB_2002, InstrumentKind.BULLETIN,
                LocalizedText.of(Map.of("zh", "联合国人类住区规划署的组织", "en", "Organization of UN-Habitat")), TRANSLATED,
                LocalDate.parse("2002-11-15"), DAY));
        add(samples, new BulletinSuperseded(SGB_1999, SGB_2002, DAY, "11.2"));
        return samples;
    }

    /**
     * By event type: the sample as the ledger recorded it before the type gained labels (the five
     * events of {@code TextLabelsUpcaster}), read back today: no labels means official wording.
     */
    static Map<Class<?>, Object> beforeLabels() {
        Map<Class<?>, Object> samples = new LinkedHashMap<>();
        add(samples, new UnitEstablished(DIVISION, UnitKind.DIVISION, NAME, SECRETARIAT, DAY, SEC_8));
        add(samples, new UnitRenamed(DIVISION, NAME, DAY, SEC_8));
        add(samples, new HeadDesignated(DIVISION, LocalizedText.of("en", "Director"), HeadLevel.of("D-2"), DAY, SEC_8));
        add(samples, new FunctionAssigned(DIVISION, FunctionId.of("sgb-2002-14-8-2-a"),
                LocalizedText.of(Map.of("zh", "监测全球住房状况；", "en", "Monitor global housing conditions;")), DAY, SEC_8));
        add(samples, new BulletinPromulgated(SGB_2002, InstrumentKind.BULLETIN,
                LocalizedText.of(Map.of("zh", "联合国人类住区规划署的组织", "en", "Organization of UN-Habitat")),
                LocalDate.parse("2002-11-15"), DAY));
        return samples;
    }

    private static void add(Map<Class<?>, Object> samples, Object event) {
        samples.put(event.getClass(), event);
    }

    private SampleEvents() {
    }
}
