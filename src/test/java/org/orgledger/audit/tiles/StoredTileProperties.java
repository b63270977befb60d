package org.orgledger.audit.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.orgledger.audit.merkle.NaiveMerkle;

/**
 * Roots and proofs read from stored tiles equal the RFC's own definitions (a naive transcription
 * that shares no code with production), for logs grown by transactions of random sizes, each
 * resumed from the stored tiles alone.
 */
class StoredTileProperties {

    private static final HexFormat HEX = HexFormat.of();

    @Property(tries = 60)
    void proofs_and_roots_from_stored_tiles_equal_the_rfc_definitions(@ForAll("transactions") List<Integer> transactions,
                                                                     @ForAll long seed) {
        Random random = new Random(seed);
        InMemoryTiles tiles = new InMemoryTiles();
        List<byte[]> leaves = new ArrayList<>();
        for (int transaction : transactions) {
            List<byte[]> appended = new ArrayList<>();
            for (int i = 0; i < transaction; i++) {
                byte[] leaf = new byte[32];
                random.nextBytes(leaf);
                appended.add(leaf);
            }
            tiles.appendTransaction(appended);
            leaves.addAll(appended);
            int size = leaves.size();
            assertThat(hex(tiles.root(size))).isEqualTo(hex(NaiveMerkle.mth(leaves)));

            int older = 1 + random.nextInt(size);
            int index = random.nextInt(older);
            assertThat(hex(tiles.root(older)))
                    .isEqualTo(hex(NaiveMerkle.mth(leaves.subList(0, older))));
            assertThat(hexes(tiles.inclusionProof(index, older)))
                    .as("inclusion of %d in %d", index, older)
                    .isEqualTo(hexes(NaiveMerkle.path(index, leaves.subList(0, older))));
            assertThat(hexes(tiles.consistencyProof(older, size)))
                    .as("consistency of %d with %d", older, size)
                    .isEqualTo(older == size ? List.of() : hexes(NaiveMerkle.proof(older, leaves)));
        }
    }

    @Provide
    Arbitrary<List<Integer>> transactions() {
        // Mostly commands (a few leaves), some imports across one or more tile boundaries.
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 5)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(200, 700)));
        return size.list().ofMinSize(1).ofMaxSize(12);
    }

    private static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
