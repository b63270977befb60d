package org.orgledger.unit.command;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.unit.api.EstablishUnit;
import org.orgledger.unit.api.UnitEstablished;
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.api.UnitKind;

class OrganizationalUnitTest {

    private static final UnitId CENTRE = UnitId.of("un-habitat");
    private static final Authority RES_32_162 = Authority.of("A/RES/32/162", "1");
    private static final LocalDate ADOPTED = LocalDate.of(1977, 12, 19);

    private FixtureConfiguration<OrganizationalUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrganizationalUnit.class);
        fixture.registerInjectableResource(org.mockito.Mockito.mock(UnitRegistry.class));
        fixture.registerInjectableResource(org.mockito.Mockito.mock(org.orgledger.instrument.command.InstrumentRegistry.class));
    }

    @Test
    void establishing_a_unit_records_it_with_its_authority_and_effective_date() {
        LocalizedText name = LocalizedText.of("en", "United Nations Centre for Human Settlements (Habitat)");
        fixture.givenNoPriorActivity()
                .when(new EstablishUnit(CENTRE, UnitKind.ENTITY, name, null, ADOPTED, RES_32_162))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitEstablished(CENTRE, UnitKind.ENTITY, name, null, ADOPTED, RES_32_162));
    }
}
