package org.orgledger.audit.chain;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.orgledger.audit.merkle.MerkleTree;

/**
 * Checks a log, fed in sequence order, against its hash chain and then against its signed tree
 * heads. The chain alone catches any change to a row that was not followed by a consistent
 * rewrite of the hashes after it; the signed heads catch the consistent rewrites (an attacker
 * cannot sign) and the removal of the newest events (the newest head says how long the log was).
 * Shared by the service's verify endpoint and the offline file verifier.
 */
public final class ChainVerifier {

    private byte[] previous = CanonicalForm.genesis();
    private final List<byte[]> leaves = new ArrayList<>();
    private final List<Long> sequences = new ArrayList<>();
    private MerkleTree tree;
    private Long brokenAt;
    private String brokenBecause;

    /** @return false once the chain is broken: later entries cannot change the verdict */
    public boolean accept(ChainEntry entry) {
        if (brokenAt != null) {
            return false;
        }
        String problem = problemWith(entry);
        if (problem != null) {
            brokenAt = entry.sequence();
            brokenBecause = problem;
            return false;
        }
        previous = entry.hash();
        leaves.add(entry.hash());
        sequences.add(entry.sequence());
        return true;
    }

    /**
     * Marks the log invalid from {@code sequence} on, for a problem found outside the chain (an
     * export's readable field that contradicts its hashed bytes). The earliest problem wins.
     */
    public void refuse(long sequence, String reason) {
        if (brokenAt == null) {
            brokenAt = sequence;
            brokenBecause = reason;
        }
    }

    /** The Merkle tree over the events accepted so far: to prove what a reader kept is a prefix of it. */
    public MerkleTree acceptedTree() {
        // Built once per batch of accepted events: finish() and the tile check share it.
        if (tree == null || tree.size() != leaves.size()) {
            tree = MerkleTree.fromLeafInputs(leaves);
        }
        return tree;
    }

    /** The sequence of the accepted event at {@code leafIndex}, or of the last one for an index beyond them. */
    public long sequenceOfLeaf(long leafIndex) {
        if (sequences.isEmpty()) {
            return 0;
        }
        return sequences.get((int) Math.min(leafIndex, sequences.size() - 1));
    }

    private String problemWith(ChainEntry entry) {
        if (entry.event() == null) {
            return "the event row is missing but its chain hash remains: the event was deleted";
        }
        if (entry.hash() == null || entry.previousHash() == null) {
            return "the event has no chain hash: it was written outside the ledger";
        }
        if (!MessageDigest.isEqual(entry.previousHash(), previous)) {
            return "the event's previous hash is not the hash of the event before it:"
                    + " an event before it was deleted, inserted or moved";
        }
        if (!MessageDigest.isEqual(CanonicalForm.hash(previous, entry.event()), entry.hash())) {
            return "the stored event does not match its chain hash: the event was altered";
        }
        return null;
    }

    /**
     * The verdict, after checking the signed tree heads (in any order) against the Merkle roots of
     * the events accepted. {@code trustedKeys} answers the public key of a key id, or null.
     */
    public Verdict finish(List<SignedTreeHead> heads, Function<String, PublicKey> trustedKeys) {
        Failure first = brokenAt == null ? null : new Failure(brokenAt, brokenBecause);
        MerkleTree tree = acceptedTree();
        SignedTreeHead newest = null;
        for (SignedTreeHead head : heads) {
            newest = newest == null || head.treeSize() > newest.treeSize() ? head : newest;
            first = Failure.earliest(first, check(head, tree, trustedKeys));
        }
        if (brokenAt == null) {
            long signedSize = newest == null ? 0 : newest.treeSize();
            if (leaves.size() > signedSize) {
                first = Failure.earliest(first, new Failure(sequences.get((int) signedSize),
                        "the event is not covered by any signed tree head: it was added outside the ledger"));
            }
        }
        if (first != null) {
            return Verdict.invalid(sequences.size(), first.sequence(), first.reason());
        }
        return Verdict.valid(leaves.size(), previous.clone(), newest == null ? 0 : newest.treeSize());
    }

    private Failure check(SignedTreeHead head, MerkleTree tree, Function<String, PublicKey> trustedKeys) {
        PublicKey key = trustedKeys.apply(head.keyId());
        if (key == null) {
            return new Failure(head.lastSequence(), "the tree head of size " + head.treeSize()
                    + " is signed by an unknown key " + head.keyId());
        }
        if (!Ed25519Keys.verify(key, head.statement(), head.signature())) {
            return new Failure(head.lastSequence(), "the signature of the tree head of size " + head.treeSize()
                    + " is not valid");
        }
        if (head.treeSize() > leaves.size()) {
            // With a broken chain the missing part is already reported at the break.
            return brokenAt != null ? null : new Failure(head.lastSequence(), "the signed tree head of size "
                    + head.treeSize() + " covers events up to sequence " + head.lastSequence()
                    + " but the log holds only " + leaves.size() + ": events were deleted");
        }
        int size = (int) head.treeSize();
        long lastSequence = sequences.get(size - 1);
        if (!MessageDigest.isEqual(tree.rootOf(size), head.root())) {
            return new Failure(lastSequence, "the Merkle root of the first " + size
                    + " events does not match their signed tree head: the chain was rewritten from this event on");
        }
        if (lastSequence != head.lastSequence()) {
            return new Failure(Math.min(lastSequence, head.lastSequence()), "the signed tree head of size " + size
                    + " ends at sequence " + head.lastSequence() + " but the log's event " + size
                    + " has sequence " + lastSequence);
        }
        return null;
    }

    private record Failure(long sequence, String reason) {
        static Failure earliest(Failure a, Failure b) {
            if (a == null) {
                return b;
            }
            return b == null || a.sequence() <= b.sequence() ? a : b;
        }
    }
}
