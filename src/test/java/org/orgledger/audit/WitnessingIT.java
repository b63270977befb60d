package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.orgledger.audit.note.Checkpoint;
import org.orgledger.audit.note.NoteSignature;
import org.orgledger.audit.note.NoteVerifier;
import org.orgledger.audit.note.SignedNote;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger submits each new checkpoint to a witness that follows c2sp.org/tlog-witness (run in
 * this test), with a consistency proof from the size the witness last cosigned, keeps the
 * cosignature and serves the cosigned checkpoint; commands never wait for, or fail because of, the
 * witness. The waits below only bound a hang: nothing asserts how fast the witness is asked.
 */
@LedgerIntegrationTest
class WitnessingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final SpecWitness WITNESS = startWitness();

    @Autowired
    TestRestTemplate http;
    @Autowired
    LedgerSigner signer;

    private static SpecWitness startWitness() {
        try {
            return new SpecWitness();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // The ledger keeps the test key and origin: against an external server every test context
    // shares one database, and its other tests pin that key.
    @DynamicPropertySource
    static void witnessed(DynamicPropertyRegistry properties) {
        properties.add("orgledger.audit.witnesses[0].url", () -> WITNESS.url().toString());
        properties.add("orgledger.audit.witnesses[0].verifier-key", () -> WITNESS.cosignerKey().encode());
    }

    @BeforeEach
    void witnessTheLedger() {
        WITNESS.trust(signer.verifierKey());
    }

    @AfterAll
    static void stopWitness() {
        WITNESS.close();
    }

    @Test
    void each_new_checkpoint_is_cosigned_with_a_consistency_proof_from_the_size_the_witness_saw() throws Exception {
        Ledger.establish(http, "witnessed-" + System.nanoTime());
        long first = awaitCosigned();
        Ledger.establish(http, "witnessed-again-" + System.nanoTime());
        long second = awaitCosigned();

        assertThat(second).isGreaterThan(first);
        assertThat(WITNESS.submissions).anySatisfy(submission -> {
            assertThat(submission.oldSize()).isEqualTo(first);
            assertThat(submission.size()).isEqualTo(second);
            assertThat(submission.proofLines()).isPositive();
            assertThat(submission.status()).isEqualTo(200);
        });
        assertThat(WITNESS.size()).isEqualTo(second);

        SignedNote cosigned = SignedNote.parse(TestUsers.auditor(http).getForObject("/api/audit/checkpoint", String.class));
        List<NoteSignature> byLedger = new NoteVerifier(List.of(signer.verifierKey())).verify(cosigned);
        List<NoteSignature> byWitness = new NoteVerifier(List.of(WITNESS.cosignerKey())).verify(cosigned);
        assertThat(byLedger).hasSize(1);
        assertThat(byWitness).hasSize(1);
    }

    @Test
    void a_failing_witness_neither_fails_nor_delays_the_command_and_is_asked_again() throws Exception {
        WITNESS.failNext(2);
        Ledger.establish(http, "while-witness-down-" + System.nanoTime());
        long size = awaitCosigned();

        assertThat(WITNESS.submissions).anySatisfy(submission -> {
            assertThat(submission.size()).isEqualTo(size);
            assertThat(submission.status()).isEqualTo(200);
        });
    }

    @Test
    void a_witness_that_lost_its_state_answers_its_size_and_is_sent_a_proof_from_there() throws Exception {
        Ledger.establish(http, "before-forgetting-" + System.nanoTime());
        awaitCosigned();
        WITNESS.forget();
        Ledger.establish(http, "after-forgetting-" + System.nanoTime());
        long size = awaitCosigned();

        assertThat(WITNESS.submissions).anySatisfy(submission -> {
            assertThat(submission.size()).isEqualTo(size);
            assertThat(submission.status()).isEqualTo(409);
        });
        assertThat(WITNESS.submissions).anySatisfy(submission -> {
            assertThat(submission.oldSize()).isZero();
            assertThat(submission.size()).isEqualTo(size);
            assertThat(submission.status()).isEqualTo(200);
        });
        assertThat(WITNESS.size()).isEqualTo(size);
    }

    /** Waits until the newest checkpoint carries the witness's cosignature; returns its size. */
    private long awaitCosigned() throws InterruptedException {
        long newest = TestUsers.auditor(http).getForObject("/api/audit/root", com.fasterxml.jackson.databind.JsonNode.class)
                .get("treeSize").asLong();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            SignedNote note = SignedNote.parse(TestUsers.auditor(http).getForObject("/api/audit/checkpoint?size=" + newest,
                    String.class));
            if (note.signatures().stream().anyMatch(WITNESS.cosignerKey()::identifies)) {
                assertThat(Checkpoint.parse(note.text()).treeSize()).isEqualTo(newest);
                return newest;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the witness did not cosign the checkpoint of size " + newest + " within " + PATIENCE
                + "; it was sent " + WITNESS.submissions);
    }
}
