package org.orgledger.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the worked example of docs/audit-proofs.md, whose numbers were produced with
 * {@code printf ... | xxd -r -p | sha256sum}. If this test fails, the document is wrong.
 */
class DocumentedExampleTest {

    private static final String E2 = "b4e3d14e7519279e6a352f776d75a905a9de9a27efdb6d802fe4e700224ade2e";
    private static final String L2 = "d1c02dd09e1affe3ded8d8e59e915fbf19c7cac0156aa56ae7ddd646884144b5";
    private static final String L3 = "c8f17fc2943f60c71e301a1de70d03029c8dc8387b3ce091898546b9bc4931e2";
    private static final String N01 = "6de3c59a3e329a98770e8c038c0ddc766ec1043d9f69b53330a6e20da76fe934";
    private static final String ROOT3 = "889c7b0b601b40a117fd856be1a22a045b6e521b8f1e08c8e7bd8f0646fbed72";
    private static final String ROOT4 = "8b897bec17dfc6f9f4d1563d12da0feb2cad54820b11146a3a9dcab584de6fa0";

    private final MerkleTree tree = MerkleTree.fromLeafInputs(exampleEventHashes());

    @Test
    void leafHashAndRootsMatchTheDocument() {
        assertEquals(E2, TestData.hex(exampleEventHashes().get(2)));
        assertEquals(L2, TestData.hex(tree.leafHash(2)));
        assertEquals(ROOT3, TestData.hex(tree.rootOf(3)));
        assertEquals(ROOT4, TestData.hex(tree.root()));
    }

    @Test
    void inclusionExampleMatchesTheDocument() {
        assertEquals(List.of(L3, N01), TestData.hex(tree.inclusionProof(2, 4)));
        assertEquals(List.of(N01), TestData.hex(tree.inclusionProof(2, 3)));
        assertTrue(MerkleProofs.verifyInclusion(TestData.HEX.parseHex(L2), 2, 4, TestData.unhex(L3, N01),
                TestData.HEX.parseHex(ROOT4)));
    }

    @Test
    void consistencyExampleMatchesTheDocument() {
        assertEquals(List.of(L2, L3, N01), TestData.hex(tree.consistencyProof(3, 4)));
        assertTrue(MerkleProofs.verifyConsistency(3, 4, TestData.HEX.parseHex(ROOT3), TestData.HEX.parseHex(ROOT4),
                TestData.unhex(L2, L3, N01)));
    }

    /** Stand-ins for the chain hashes of four ledger events: E_i = SHA-256("event-i"). */
    private static List<byte[]> exampleEventHashes() {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hashes.add(TestData.sha256(("event-" + i).getBytes(StandardCharsets.US_ASCII)));
        }
        return hashes;
    }
}
