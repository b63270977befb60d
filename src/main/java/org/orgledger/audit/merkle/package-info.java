/**
 * RFC 6962 / RFC 9162 Merkle tree over the OrgLedger event log, with inclusion and consistency
 * proofs and their verification.
 *
 * <h2>What a leaf is</h2>
 * Every ledger event row already carries {@code hash}, the 32-byte SHA-256 link of the event hash
 * chain. The Merkle tree does not re-serialise events: the <em>leaf input</em> (RFC 6962 sec 2.1,
 * "D[i]") of event {@code i} is exactly those 32 raw bytes (not their hex text). Its
 * <em>leaf hash</em> is therefore {@code SHA-256(0x00 || eventHash)}, and the tree is ordered by
 * the events' position in the chain, starting at leaf index 0.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.orgledger.audit.merkle.MerkleHashing}: the three hash rules (leaf, interior,
 *       empty tree).</li>
 *   <li>{@link org.orgledger.audit.merkle.MerkleTree}: the log side; builds roots and proofs.</li>
 *   <li>{@link org.orgledger.audit.merkle.SubtreeWalk}: the same roots and proofs from any
 *       {@link org.orgledger.audit.merkle.CompleteSubtrees} source (the service's stored tiles).</li>
 *   <li>{@link org.orgledger.audit.merkle.MerkleProofs}: the auditor side; verifies proofs without
 *       access to the tree.</li>
 * </ul>
 * Hashes are raw 32-byte arrays; use {@link java.util.HexFormat#of()} for lowercase hex text.
 * No Spring and no third-party dependencies, so the package can be shipped to auditors as is.
 */
package org.orgledger.audit.merkle;
