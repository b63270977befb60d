package org.orgledger.structure.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orgledger.instrument.api.Authority;

class BulletinOrderTest {

    private record Item(String id, Authority authority) {
    }

    @Test
    void provisions_are_ordered_as_printed_section_by_section_and_letter_by_letter() {
        List<String> printed = List.of("2.1(a)", "2.1(b)", "2.1(m)", "2.2", "3.1", "8", "8.1", "8.2(a)", "8.2(i)", "9.1",
                "10.1", "10.2(d)", "11.2", "unspecified");
        List<String> shuffled = new ArrayList<>(printed);
        Collections.shuffle(shuffled, new java.util.Random(16));
        shuffled.sort(BulletinOrder::compareProvisions);
        assertThat(shuffled).containsExactlyElementsOf(printed);
    }

    @Test
    void a_section_ten_comes_after_section_nine_not_after_section_one() {
        assertThat(BulletinOrder.compareProvisions("10.1", "9.1")).isPositive();
        assertThat(BulletinOrder.compareProvisions("1.2", "10.1")).isNegative();
    }

    @Test
    void letters_past_z_come_after_z() {
        assertThat(BulletinOrder.compareProvisions("7.2(aa)", "7.2(z)")).isPositive();
    }

    @Test
    void siblings_sort_by_instrument_then_provision_then_id_rather_than_by_id() {
        Item division = new Item("a-division", Authority.of("ST/SGB/2002/14", "9.1"));
        Item office = new Item("z-office", Authority.of("ST/SGB/2002/14", "4.1"));
        Item older = new Item("m-unit", Authority.of("ST/SGB/1999/22", "7.1"));
        Item twin = new Item("b-division", Authority.of("ST/SGB/2002/14", "9.1"));
        List<Item> items = new ArrayList<>(List.of(division, twin, office, older));
        items.sort(BulletinOrder.of(Item::authority, Item::id));
        assertThat(items).containsExactly(older, office, division, twin);
    }
}
