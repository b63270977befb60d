package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orgledger.audit.note.SignedNote;

/** The add-checkpoint request body, byte for byte the example of c2sp.org/tlog-witness. */
class WitnessRequestTest {

    @Test
    void the_request_body_is_the_old_size_the_proof_a_blank_line_and_the_checkpoint() {
        String checkpoint = """
                example.com/behind-the-sofa
                20852163
                CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

                — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
                — example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=
                """;
        List<byte[]> proof = List.of("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=",
                "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=", "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=",
                "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=").stream().map(Base64.getDecoder()::decode).toList();

        assertThat(WitnessClient.body(20852014, proof, SignedNote.parse(checkpoint))).isEqualTo("""
                old 20852014
                PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
                jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
                5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
                /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

                """ + checkpoint);
    }

    @Test
    void a_conflict_names_the_size_the_witness_last_cosigned() {
        assertThat(new WitnessClient.Answer(409, "text/x.tlog.size", "20852014\n").witnessSize()).isEqualTo(20852014L);
        assertThat(new WitnessClient.Answer(409, "text/plain", "20852014\n").witnessSize()).isNull();
        assertThat(new WitnessClient.Answer(422, "text/x.tlog.size", "1\n").witnessSize()).isNull();
    }
}
