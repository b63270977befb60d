package org.orgledger.audit.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.audit.chain.SignedTreeHead;

/**
 * The timestamp rules both verifiers apply, on tokens of a TSA whose certificates openssl made:
 * a token must chain to the trusted certificate and stamp the head's statement; a stamp later
 * than the allowed delay, or a head left unstamped longer, is what a rewritten and re-stamped
 * history looks like.
 */
class StampCheckTest {

    private static final Duration MAX_DELAY = Duration.ofDays(1);
    /** After the certificates were made: a token must be stamped while its certificate is valid. */
    private static final Instant T0 = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @TempDir
    static Path trusted;
    @TempDir
    static Path stranger;

    static TestTsa tsa;
    static TestTsa otherTsa;
    static StampVerifier verifier;

    @BeforeAll
    static void makeTwoTsas() throws Exception {
        OpensslTsa.makeCertificates(trusted);
        OpensslTsa.makeCertificates(stranger);
        tsa = new TestTsa(trusted);
        otherTsa = new TestTsa(stranger);
        verifier = new StampVerifier(StampVerifier.certificates(Files.readAllBytes(trusted.resolve("ca.crt"))));
    }

    private static SignedTreeHead head(long size, Instant recordedAt) {
        byte[] root = new byte[32];
        Arrays.fill(root, (byte) size);
        return new SignedTreeHead(size, 100 + size, root, recordedAt.toString(), "key", new byte[64]);
    }

    @Test
    void a_stamp_from_the_trusted_tsa_on_the_heads_statement_proves_the_tree_as_of_its_time() throws Exception {
        SignedTreeHead one = head(1, T0);
        SignedTreeHead two = head(2, T0.plusSeconds(60));
        Instant stampedAt = T0.plusSeconds(90);

        StampCheck.Result result = StampCheck.check(List.of(one, two),
                List.of(new Stamp(2, tsa.stamp(two.statement(), stampedAt))), verifier, MAX_DELAY, T0.plusSeconds(100));

        assertThat(result.valid()).as(result.problem()).isTrue();
        assertThat(result.report().stampedTreeSize()).isEqualTo(2);
        assertThat(result.report().stampedAt()).isEqualTo(stampedAt);
        assertThat(result.report().pendingHeads()).isZero();
    }

    @Test
    void a_head_resigned_after_it_was_stamped_no_longer_matches_the_imprint() throws Exception {
        SignedTreeHead original = head(3, T0);
        byte[] token = tsa.stamp(original.statement(), T0.plusSeconds(5));
        byte[] otherRoot = new byte[32];
        SignedTreeHead resigned = new SignedTreeHead(3, original.lastSequence(), otherRoot, original.recordedAt(),
                "key", new byte[64]);

        StampCheck.Result result = StampCheck.check(List.of(resigned), List.of(new Stamp(3, token)), verifier, MAX_DELAY, T0);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSequence()).isEqualTo(resigned.lastSequence());
        assertThat(result.problem()).contains("message imprint");
    }

    @Test
    void a_token_from_a_tsa_that_does_not_chain_to_the_trusted_certificate_is_refused() throws Exception {
        SignedTreeHead one = head(1, T0);
        StampCheck.Result result = StampCheck.check(List.of(one),
                List.of(new Stamp(1, otherTsa.stamp(one.statement(), T0.plusSeconds(5)))), verifier, MAX_DELAY, T0);

        assertThat(result.problem()).contains("does not chain to a trusted TSA certificate");
    }

    @Test
    void an_altered_token_is_refused() throws Exception {
        SignedTreeHead one = head(1, T0);
        byte[] token = tsa.stamp(one.statement(), T0.plusSeconds(5));
        token[token.length - 10] ^= 0x01;

        StampCheck.Result result = StampCheck.check(List.of(one), List.of(new Stamp(1, token)), verifier, MAX_DELAY, T0);

        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("timestamp of the tree head of size 1");
    }

    @Test
    void a_stamp_much_later_than_its_head_is_what_a_rewritten_history_stamped_again_looks_like() throws Exception {
        SignedTreeHead one = head(1, T0);
        SignedTreeHead two = head(2, T0.plusSeconds(60));
        List<Stamp> stamps = List.of(new Stamp(1, tsa.stamp(one.statement(), T0.plusSeconds(10))),
                new Stamp(2, tsa.stamp(two.statement(), T0.plus(Duration.ofDays(3)))));

        StampCheck.Result result = StampCheck.check(List.of(one, two), stamps, verifier, MAX_DELAY, T0.plus(Duration.ofDays(3)));

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSequence()).isEqualTo(two.lastSequence());
        assertThat(result.problem()).contains("stamped only at").contains("rewritten history");
    }

    @Test
    void the_first_stamp_may_come_late_as_when_stamping_is_switched_on_for_an_old_ledger() throws Exception {
        SignedTreeHead one = head(1, T0);
        Instant muchLater = T0.plus(Duration.ofDays(30));
        StampCheck.Result result = StampCheck.check(List.of(one), List.of(new Stamp(1, tsa.stamp(one.statement(), muchLater))),
                verifier, MAX_DELAY, muchLater);

        assertThat(result.valid()).as(result.problem()).isTrue();
        assertThat(result.report().firstStampedTreeSize()).isEqualTo(1);
    }

    @Test
    void a_head_after_the_newest_stamp_is_pending_until_the_delay_passes_then_overdue() throws Exception {
        SignedTreeHead one = head(1, T0);
        SignedTreeHead two = head(2, T0.plusSeconds(60));
        List<Stamp> stamps = List.of(new Stamp(1, tsa.stamp(one.statement(), T0.plusSeconds(10))));

        StampCheck.Result soon = StampCheck.check(List.of(one, two), stamps, verifier, MAX_DELAY, T0.plusSeconds(120));
        assertThat(soon.valid()).isTrue();
        assertThat(soon.report().pendingHeads()).isEqualTo(1);
        assertThat(soon.report().pendingSince()).isEqualTo(two.recordedAt());

        StampCheck.Result later = StampCheck.check(List.of(one, two), stamps, verifier, MAX_DELAY, T0.plus(Duration.ofDays(2)));
        assertThat(later.valid()).isFalse();
        assertThat(later.firstInvalidSequence()).isEqualTo(two.lastSequence());
        assertThat(later.problem()).contains("no timestamp for more than");
    }

    @Test
    void a_stamp_for_a_tree_head_that_is_gone_is_reported() throws Exception {
        SignedTreeHead one = head(1, T0);
        SignedTreeHead two = head(2, T0);
        StampCheck.Result result = StampCheck.check(List.of(one),
                List.of(new Stamp(2, tsa.stamp(two.statement(), T0))), verifier, MAX_DELAY, T0);

        assertThat(result.problem()).contains("no signed tree head has that size");
    }

    @Test
    void without_a_trusted_tsa_certificate_nothing_is_checked_and_that_is_said() throws Exception {
        SignedTreeHead one = head(1, T0);
        StampCheck.Result result = StampCheck.check(List.of(one), List.of(new Stamp(1, new byte[] {1, 2, 3})), null,
                MAX_DELAY, T0);

        assertThat(result.valid()).isTrue();
        assertThat(result.report().checked()).isFalse();
        assertThat(result.report().stamps()).isEqualTo(1);
    }
}
