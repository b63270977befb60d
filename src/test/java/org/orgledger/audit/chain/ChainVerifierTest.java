package org.orgledger.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verification rules on an in-memory log; the same tampering in SQL is in LedgerTamperingIT. */
class ChainVerifierTest {

    private static final KeyPair KEY = Ed25519Keys.generate();
    private static final String KEY_ID = Ed25519Keys.keyId(KEY.getPublic());

    /** A log of events with sequences 1..n as the ledger writes it: chain hashes and a signed head per event. */
    record Log(List<ChainEntry> entries, List<SignedTreeHead> heads) {
        static Log of(int n) {
            List<ChainEntry> entries = new ArrayList<>();
            List<SignedTreeHead> heads = new ArrayList<>();
            byte[] previous = CanonicalForm.genesis();
            MerkleFrontier frontier = MerkleFrontier.empty();
            for (int sequence = 1; sequence <= n; sequence++) {
                StoredEvent event = CanonicalFormTest.event(sequence, "{\"n\":" + sequence + "}", "{}");
                byte[] hash = CanonicalForm.hash(previous, event);
                entries.add(new ChainEntry(sequence, event, previous, hash));
                frontier = frontier.append(hash);
                heads.add(sign(frontier.size(), sequence, frontier.root(), event.timeStamp()));
                previous = hash;
            }
            return new Log(entries, heads);
        }

        Verdict verify() {
            ChainVerifier verifier = new ChainVerifier();
            entries.forEach(verifier::accept);
            return verifier.finish(heads, id -> id.equals(KEY_ID) ? KEY.getPublic() : null);
        }
    }

    static SignedTreeHead sign(long size, long lastSequence, byte[] root, String recordedAt) {
        return new SignedTreeHead(size, lastSequence, root, recordedAt, KEY_ID,
                Ed25519Keys.sign(KEY.getPrivate(), SignedTreeHead.statement(size, lastSequence, root, recordedAt)));
    }

    static StoredEvent withPayload(StoredEvent event, String payload) {
        return new StoredEvent(event.sequence(), event.eventIdentifier(), event.aggregateType(),
                event.aggregateIdentifier(), event.aggregateSequence(), event.payloadType(), event.payloadRevision(),
                payload.getBytes(), event.metaData(), event.timeStamp());
    }

    @Test
    void an_untouched_log_is_valid_and_reports_its_head() {
        Log log = Log.of(6);
        Verdict verdict = log.verify();
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.eventsChecked()).isEqualTo(6);
        assertThat(verdict.head()).isEqualTo(log.entries().get(5).hash());
        assertThat(verdict.treeSize()).isEqualTo(6);
    }

    @Test
    void an_empty_log_is_valid() {
        assertThat(Log.of(0).verify().valid()).isTrue();
    }

    @Test
    void an_altered_payload_is_reported_at_its_sequence() {
        Log log = Log.of(6);
        ChainEntry third = log.entries().get(2);
        log.entries().set(2, new ChainEntry(3, withPayload(third.event(), "{\"n\":33}"), third.previousHash(), third.hash()));
        assertThat(log.verify()).extracting(Verdict::valid, Verdict::firstInvalidSequence).containsExactly(false, 3L);
    }

    @Test
    void a_deleted_event_row_whose_hash_remains_is_reported_at_its_sequence() {
        Log log = Log.of(6);
        ChainEntry fourth = log.entries().get(3);
        log.entries().set(3, new ChainEntry(4, null, fourth.previousHash(), fourth.hash()));
        assertThat(log.verify().firstInvalidSequence()).isEqualTo(4L);
    }

    @Test
    void an_event_deleted_with_its_hash_is_reported_at_the_next_sequence() {
        Log log = Log.of(6);
        log.entries().remove(3);
        assertThat(log.verify().firstInvalidSequence()).isEqualTo(5L);
    }

    @Test
    void the_newest_events_deleted_with_their_hashes_are_reported_by_the_signed_tree_head() {
        Log log = Log.of(6);
        log.entries().remove(5);
        log.entries().remove(4);
        Verdict verdict = log.verify();
        assertThat(verdict.firstInvalidSequence()).isEqualTo(5L);
        assertThat(verdict.reason()).contains("deleted");
    }

    @Test
    void an_event_inserted_without_a_hash_is_reported_at_its_sequence() {
        Log log = Log.of(6);
        log.entries().add(new ChainEntry(7, CanonicalFormTest.event(7, "{}", "{}"), null, null));
        assertThat(log.verify().firstInvalidSequence()).isEqualTo(7L);
    }

    @Test
    void an_event_appended_with_a_forged_hash_is_reported_as_not_covered_by_a_signed_head() {
        Log log = Log.of(6);
        StoredEvent forged = CanonicalFormTest.event(7, "{}", "{}");
        byte[] previous = log.entries().get(5).hash();
        log.entries().add(new ChainEntry(7, forged, previous, CanonicalForm.hash(previous, forged)));
        Verdict verdict = log.verify();
        assertThat(verdict.firstInvalidSequence()).isEqualTo(7L);
        assertThat(verdict.reason()).contains("not covered");
    }

    @Test
    void two_swapped_events_are_reported_at_the_first_of_them() {
        Log log = Log.of(6);
        ChainEntry second = log.entries().get(1);
        ChainEntry third = log.entries().get(2);
        // the rows trade places (their global index), the hash rows stay
        log.entries().set(1, new ChainEntry(2, resequenced(third.event(), 2), second.previousHash(), second.hash()));
        log.entries().set(2, new ChainEntry(3, resequenced(second.event(), 3), third.previousHash(), third.hash()));
        assertThat(log.verify().firstInvalidSequence()).isEqualTo(2L);
    }

    @Test
    void a_chain_rewritten_consistently_after_an_alteration_is_caught_by_the_signed_roots() {
        Log log = Log.of(6);
        byte[] previous = log.entries().get(1).hash();
        for (int i = 2; i < 6; i++) {
            StoredEvent event = i == 2 ? withPayload(log.entries().get(i).event(), "{\"n\":33}") : log.entries().get(i).event();
            byte[] hash = CanonicalForm.hash(previous, event);
            log.entries().set(i, new ChainEntry(i + 1, event, previous, hash));
            previous = hash;
        }
        Verdict verdict = log.verify();
        assertThat(verdict.firstInvalidSequence()).isEqualTo(3L);
        assertThat(verdict.reason()).contains("signed tree head");
    }

    @Test
    void a_tree_head_with_a_bad_signature_is_reported() {
        Log log = Log.of(3);
        SignedTreeHead head = log.heads().get(1);
        byte[] signature = head.signature().clone();
        signature[0] ^= 1;
        log.heads().set(1, new SignedTreeHead(head.treeSize(), head.lastSequence(), head.root(), head.recordedAt(),
                head.keyId(), signature));
        Verdict verdict = log.verify();
        assertThat(verdict.firstInvalidSequence()).isEqualTo(2L);
        assertThat(verdict.reason()).contains("signature");
    }

    @Test
    void the_earliest_problem_wins_when_a_rewrite_precedes_a_break() {
        Log log = Log.of(6);
        // rewrite from 2 on consistently, then break the chain at 5
        byte[] previous = log.entries().get(0).hash();
        for (int i = 1; i < 6; i++) {
            StoredEvent event = i == 1 ? withPayload(log.entries().get(i).event(), "{}") : log.entries().get(i).event();
            byte[] hash = CanonicalForm.hash(previous, event);
            log.entries().set(i, new ChainEntry(i + 1, event, previous, hash));
            previous = hash;
        }
        log.entries().remove(4);
        assertThat(log.verify().firstInvalidSequence()).isEqualTo(2L);
    }

    private static StoredEvent resequenced(StoredEvent event, long sequence) {
        return new StoredEvent(sequence, event.eventIdentifier(), event.aggregateType(), event.aggregateIdentifier(),
                event.aggregateSequence(), event.payloadType(), event.payloadRevision(), event.payload(),
                event.metaData(), event.timeStamp());
    }
}
