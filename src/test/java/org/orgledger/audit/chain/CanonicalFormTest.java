package org.orgledger.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    static StoredEvent event(long sequence, String payload, String metaData) {
        return new StoredEvent(sequence, "id-" + sequence, "OrganizationalUnit", "un-habitat", 0,
                "org.orgledger.unit.api.UnitEstablished", null, payload.getBytes(StandardCharsets.UTF_8),
                metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8), "2026-11-24T10:00:00Z");
    }

    @Test
    void the_documented_example_hashes_to_the_documented_value() {
        // docs/audit-chain.md recomputes this with Python's hashlib: keep the two in step.
        StoredEvent event = new StoredEvent(1, "e1", "OrganizationalUnit", "un-habitat", 0,
                "org.orgledger.unit.api.UnitEstablished", null, "{\"unitId\":\"un-habitat\"}".getBytes(StandardCharsets.UTF_8),
                "{\"recordedBy\":\"registrar\"}".getBytes(StandardCharsets.UTF_8), "2026-11-24T10:00:00Z");
        assertThat(HexFormat.of().formatHex(CanonicalForm.hash(CanonicalForm.genesis(), event)))
                .isEqualTo(DocumentedChain.FIRST_HASH);
    }

    @Test
    void every_field_is_length_prefixed_and_null_is_not_the_empty_string() {
        byte[] withNull = CanonicalForm.encode(CanonicalForm.genesis(), event(1, "{}", null));
        byte[] withEmpty = CanonicalForm.encode(CanonicalForm.genesis(), event(1, "{}", ""));
        assertThat(withNull).isNotEqualTo(withEmpty);
        // version tag first: 4-byte length 18, then the tag
        assertThat(HexFormat.of().formatHex(withNull, 0, 4)).isEqualTo("00000012");
    }

    @Test
    void moving_a_byte_from_one_field_to_the_next_changes_the_hash() {
        StoredEvent a = new StoredEvent(1, "ab", "c", "x", 0, "t", null, new byte[] {1}, null, "z");
        StoredEvent b = new StoredEvent(1, "a", "bc", "x", 0, "t", null, new byte[] {1}, null, "z");
        assertThat(CanonicalForm.hash(CanonicalForm.genesis(), a)).isNotEqualTo(CanonicalForm.hash(CanonicalForm.genesis(), b));
    }

    @Test
    void the_hash_depends_on_the_previous_hash_and_the_sequence() {
        StoredEvent event = event(5, "{}", "{}");
        byte[] other = new byte[32];
        other[31] = 1;
        assertThat(CanonicalForm.hash(CanonicalForm.genesis(), event)).isNotEqualTo(CanonicalForm.hash(other, event));
        assertThat(CanonicalForm.hash(CanonicalForm.genesis(), event))
                .isNotEqualTo(CanonicalForm.hash(CanonicalForm.genesis(), event(6, "{}", "{}")));
    }
}
