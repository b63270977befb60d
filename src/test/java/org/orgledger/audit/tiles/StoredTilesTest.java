package org.orgledger.audit.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orgledger.audit.merkle.MerkleTree;

class StoredTilesTest {

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();
    private static final int SIZE = 70_000;
    private static final List<byte[]> LEAVES = new ArrayList<>();
    private static MerkleTree tree;
    private static InMemoryTiles tiles;

    @BeforeAll
    static void grow_a_log_of_seventy_thousand_leaves_in_transactions_of_every_size() {
        Random random = new Random(17);
        tiles = new InMemoryTiles();
        while (LEAVES.size() < SIZE) {
            int transaction = Math.min(SIZE - LEAVES.size(), random.nextInt(4) == 0 ? 1 + random.nextInt(3000) : 1 + random.nextInt(4));
            List<byte[]> appended = new ArrayList<>();
            for (int i = 0; i < transaction; i++) {
                byte[] leaf = new byte[32];
                random.nextBytes(leaf);
                appended.add(leaf);
            }
            tiles.appendTransaction(appended);
            LEAVES.addAll(appended);
        }
        tree = MerkleTree.fromLeafInputs(LEAVES);
    }

    @Test
    void the_tiles_of_seventy_thousand_leaves_are_those_of_the_specification_example() {
        // c2sp.org/tlog-tiles: "273 full level 0 tiles, one partial level 0 tile of width 112, one
        // full level 1 tile, one partial level 1 tile of width 17, and one partial level 2 tile of width 1"
        Map<String, Integer> widths = new TreeMap<>();
        tiles.all().forEach((key, hashes) -> widths.merge(key.level() + (hashes.length == 8192 ? " full" : " partial " + hashes.length / 32), 1, Integer::sum));
        assertThat(widths).containsExactlyInAnyOrderEntriesOf(Map.of(
                "0 full", 273, "0 partial 112", 1, "1 full", 1, "1 partial 17", 1, "2 partial 1", 1));
    }

    @Test
    void roots_of_sizes_around_tile_boundaries_equal_those_of_the_in_memory_tree() {
        for (int size : new int[] {0, 1, 2, 255, 256, 257, 511, 512, 65_535, 65_536, 65_537, 69_999, SIZE}) {
            assertThat(HEX.formatHex(tiles.root(size))).as("size %d", size).isEqualTo(HEX.formatHex(tree.rootOf(size)));
        }
    }

    @Test
    void inclusion_and_consistency_proofs_equal_those_of_the_in_memory_tree() {
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            int size = 1 + random.nextInt(SIZE);
            int index = random.nextInt(size);
            int older = random.nextInt(size + 1);
            assertThat(hexes(tiles.inclusionProof(index, size)))
                    .as("inclusion of %d in %d", index, size).isEqualTo(hexes(tree.inclusionProof(index, size)));
            assertThat(hexes(tiles.consistencyProof(older, size)))
                    .as("consistency of %d with %d", older, size).isEqualTo(hexes(tree.consistencyProof(older, size)));
        }
    }

    @Test
    void a_proof_reads_a_few_tiles_per_level_not_the_log() {
        List<Map<TileKey, Integer>> reads = new ArrayList<>();
        StoredSubtrees.compute(walk -> walk.inclusionProof(12_345, SIZE), keys -> {
            reads.add(keys);
            return tiles.read(keys);
        });
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).size()).isLessThanOrEqualTo(2 * 3);
    }

    @Test
    void the_stored_tiles_pass_the_check_against_the_leaves() {
        assertThat(check(tiles.all())).isEmpty();
    }

    @Test
    void an_altered_stored_hash_is_reported_at_the_first_leaf_it_covers() {
        Map<TileKey, byte[]> altered = new java.util.HashMap<>(tiles.all());
        byte[] levelOne = altered.get(new TileKey(1, 0)).clone();
        levelOne[3 * 32] ^= 1;
        altered.put(new TileKey(1, 0), levelOne);
        var mismatch = check(altered).orElseThrow();
        assertThat(mismatch.leafIndex()).isEqualTo(3 * 256);
        assertThat(mismatch.reason()).contains("1/0").contains("altered");
    }

    @Test
    void a_missing_or_extra_stored_tile_is_reported() {
        Map<TileKey, byte[]> missing = new java.util.HashMap<>(tiles.all());
        missing.remove(new TileKey(0, 7));
        assertThat(check(missing).orElseThrow().leafIndex()).isEqualTo(7 * 256);
        assertThat(check(missing).orElseThrow().reason()).contains("missing");

        Map<TileKey, byte[]> extra = new java.util.HashMap<>(tiles.all());
        extra.put(new TileKey(0, 1000), new byte[32]);
        assertThat(check(extra).orElseThrow().reason()).contains("beyond");
    }

    @Test
    void resuming_from_tiles_of_another_size_is_refused() {
        assertThatThrownBy(() -> TileAppender.extend(SIZE + 1, tiles::read, List.of(new byte[32])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("should hold");
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static java.util.Optional<TileCheck.Mismatch> check(Map<TileKey, byte[]> stored) {
        TileCheck check = new TileCheck(tree);
        stored.forEach((key, hashes) -> check.accept(new Tile(key.level(), key.index(), hashes)));
        return check.finish();
    }
}
