package org.orgledger.audit;

import java.util.HexFormat;
import java.util.List;
import org.orgledger.audit.chain.SignedTreeHead;
import org.orgledger.audit.chain.Verdict;
import org.orgledger.audit.timestamp.StampReport;

/** The audit endpoints' answers. Hashes and signatures are lowercase hex. */
final class AuditViews {

    private static final HexFormat HEX = HexFormat.of();

    private AuditViews() {
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(AuditViews::hex).toList();
    }

    /** {@code valid}, {@code eventsChecked} and {@code head}, or {@code firstInvalidSequence} and {@code reason}. */
    record VerificationView(boolean valid, long eventsChecked, String head, Long treeSize,
                            Long firstInvalidSequence, String reason, StampReport timestamps) {
        /** {@code timestamps} only when a TSA is trusted or stamps are stored (docs/decisions/0012). */
        static VerificationView of(Verdict verdict, StampReport timestamps) {
            return verdict.valid()
                    ? new VerificationView(true, verdict.eventsChecked(), hex(verdict.head()), verdict.treeSize(), null, null,
                    timestamps)
                    : new VerificationView(false, verdict.eventsChecked(), null, null,
                    verdict.firstInvalidSequence(), verdict.reason(), timestamps);
        }
    }

    /** A signed tree head; the signature covers the statement described in docs/audit-chain.md. */
    record TreeHeadView(long treeSize, long lastSequence, String root, String recordedAt, String keyId,
                        String signature) {
        static TreeHeadView of(SignedTreeHead head) {
            return new TreeHeadView(head.treeSize(), head.lastSequence(), hex(head.root()), head.recordedAt(),
                    head.keyId(), hex(head.signature()));
        }
    }

    record TreeHeadsView(List<TreeHeadView> roots, Long nextAfterSize) {
    }

    /**
     * An inclusion proof: {@code leafHash} = SHA-256(0x00 || eventHash) sits at {@code leafIndex}
     * (0-based position in chain order) of the tree of {@code treeSize} leaves with {@code root}.
     */
    record ProofView(long sequence, long leafIndex, String eventHash, String leafHash, long treeSize, String root,
                     List<String> path, TreeHeadView treeHead) {
    }

    /** A consistency proof (RFC 9162 sec 2.1.4) between two signed tree sizes. */
    record ConsistencyView(long from, long to, String fromRoot, String toRoot, List<String> proof,
                           TreeHeadView fromTreeHead, TreeHeadView toTreeHead) {
    }

    record SigningKeyView(String keyId, String algorithm, String publicKey) {
    }
}
