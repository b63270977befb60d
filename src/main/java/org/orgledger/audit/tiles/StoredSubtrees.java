package org.orgledger.audit.tiles;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.orgledger.audit.merkle.CompleteSubtrees;
import org.orgledger.audit.merkle.MerkleHashing;
import org.orgledger.audit.merkle.SubtreeWalk;

/**
 * Complete subtree hashes read from tiles: a subtree of height 8l + k is the fold of 2^k
 * consecutive hashes of a level-l tile. {@link #compute} walks twice: first to list the tiles a
 * root or proof needs (the walk's route never depends on hash values), then, with those tiles
 * fetched in one read, to compute it.
 */
public final class StoredSubtrees implements CompleteSubtrees {

    private final Map<TileKey, byte[]> tiles;

    StoredSubtrees(Map<TileKey, byte[]> tiles) {
        this.tiles = tiles;
    }

    /**
     * Runs {@code walk} (a root or proof) over the tiles {@code read} returns for the keys the
     * walk needs; each stored tile may be wider than needed (it grew since), never narrower.
     */
    public static <T> T compute(Function<SubtreeWalk, T> walk, Function<Map<TileKey, Integer>, Map<TileKey, byte[]>> read) {
        Map<TileKey, Integer> needed = new HashMap<>();
        walk.apply(new SubtreeWalk((height, index) -> {
            TileKey key = keyOf(height, index);
            int lastPosition = (int) ((index << (height % Tile.HEIGHT)) % Tile.WIDTH) + (1 << (height % Tile.HEIGHT));
            needed.merge(key, lastPosition, Math::max);
            return new byte[MerkleHashing.HASH_LENGTH];
        }));
        if (needed.isEmpty()) {
            return walk.apply(new SubtreeWalk(new StoredSubtrees(Map.of())));
        }
        return walk.apply(new SubtreeWalk(new StoredSubtrees(read.apply(needed))));
    }

    @Override
    public byte[] hash(int height, long index) {
        int spread = height % Tile.HEIGHT;
        long first = index << spread;
        TileKey key = keyOf(height, index);
        int position = (int) (first % Tile.WIDTH);
        int count = 1 << spread;
        byte[] tile = tiles.get(key);
        if (tile == null || tile.length < (position + count) * MerkleHashing.HASH_LENGTH) {
            throw new IllegalStateException("the stored tile " + key.level() + "/" + key.index() + " lacks hashes "
                    + position + ".." + (position + count - 1) + ": the tiles do not cover the signed tree");
        }
        return TileHashes.subtreeRoot(tile, position, count);
    }

    private static TileKey keyOf(int height, long index) {
        int level = height / Tile.HEIGHT;
        long first = index << (height % Tile.HEIGHT);
        return new TileKey(level, first / Tile.WIDTH);
    }
}
