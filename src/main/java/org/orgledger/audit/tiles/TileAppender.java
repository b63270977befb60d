package org.orgledger.audit.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.orgledger.audit.merkle.MerkleHashing;

/**
 * Grows the tiles of a tree leaf by leaf, holding only its right edge: the partial tile of each
 * level. A full tile is hashed once into the level above and never touched again; so appending k
 * leaves hashes about k * (1 + 1/256 + ...) nodes and changes at most one partial tile per level
 * plus the tiles it completes. Not thread-safe: one appending transaction owns it.
 */
public final class TileAppender {

    private final long[] hashesAtLevel = new long[Tile.MAX_LEVELS];
    private final byte[][] partial = new byte[Tile.MAX_LEVELS][];
    private final boolean[] changed = new boolean[Tile.MAX_LEVELS];
    private final List<Tile> completed = new ArrayList<>();

    private TileAppender() {
        for (int level = 0; level < Tile.MAX_LEVELS; level++) {
            partial[level] = new byte[Tile.WIDTH * MerkleHashing.HASH_LENGTH];
        }
    }

    /** An appender for an empty tree. */
    public static TileAppender empty() {
        return new TileAppender();
    }

    /**
     * An appender that continues a tree of {@code treeSize} leaves, given its partial tiles
     * ({@link #partialTiles(long)}, as stored). A partial tile that is missing or of another width
     * than the size implies means the stored tiles do not belong to this tree: refused.
     */
    public static TileAppender resume(long treeSize, Map<TileKey, byte[]> partialTiles) {
        TileAppender appender = new TileAppender();
        for (int level = 0; level < Tile.MAX_LEVELS; level++) {
            long count = Tile.hashesAtLevel(treeSize, level);
            appender.hashesAtLevel[level] = count;
            int width = (int) (count % Tile.WIDTH);
            if (width == 0) {
                continue;
            }
            TileKey key = new TileKey(level, count / Tile.WIDTH);
            byte[] stored = partialTiles.get(key);
            if (stored == null || stored.length != width * MerkleHashing.HASH_LENGTH) {
                throw new IllegalStateException("the stored tile " + key.level() + "/" + key.index() + " should hold "
                        + width + " hashes for a tree of " + treeSize + " leaves, but holds "
                        + (stored == null ? "nothing" : stored.length / MerkleHashing.HASH_LENGTH));
            }
            System.arraycopy(stored, 0, appender.partial[level], 0, stored.length);
        }
        return appender;
    }

    /**
     * The tiles to write so that the stored tiles of a tree of {@code treeSize} leaves cover
     * {@code leafInputs} too; {@code read} answers the stored partial tiles it is asked for.
     */
    public static List<Tile> extend(long treeSize, Function<Map<TileKey, Integer>, Map<TileKey, byte[]>> read,
                                    List<byte[]> leafInputs) {
        TileAppender appender = resume(treeSize, read.apply(partialTiles(treeSize)));
        leafInputs.forEach(input -> appender.append(MerkleHashing.leafHash(input)));
        return appender.drainChanged();
    }

    /** The partial tiles (key and width) of a tree of {@code treeSize} leaves: what {@link #resume} needs. */
    public static Map<TileKey, Integer> partialTiles(long treeSize) {
        Map<TileKey, Integer> tiles = new java.util.LinkedHashMap<>();
        for (int level = 0; level < Tile.MAX_LEVELS; level++) {
            long count = Tile.hashesAtLevel(treeSize, level);
            if (count % Tile.WIDTH != 0) {
                tiles.put(new TileKey(level, count / Tile.WIDTH), (int) (count % Tile.WIDTH));
            }
        }
        return tiles;
    }

    /** Appends one leaf, given its leaf hash SHA-256(0x00 || input). */
    public void append(byte[] leafHash) {
        if (leafHash.length != MerkleHashing.HASH_LENGTH) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes");
        }
        push(0, leafHash);
    }

    public long size() {
        return hashesAtLevel[0];
    }

    /**
     * The tiles changed since the last call: every tile completed, then the partial tile of each
     * level that changed. Writing them (a full tile inserted, a partial one inserted or extended)
     * brings the stored tiles to {@link #size()}.
     */
    public List<Tile> drainChanged() {
        List<Tile> tiles = new ArrayList<>(completed);
        completed.clear();
        for (int level = 0; level < Tile.MAX_LEVELS; level++) {
            int width = (int) (hashesAtLevel[level] % Tile.WIDTH);
            if (changed[level] && width > 0) {
                tiles.add(new Tile(level, hashesAtLevel[level] / Tile.WIDTH,
                        Arrays.copyOf(partial[level], width * MerkleHashing.HASH_LENGTH)));
            }
            changed[level] = false;
        }
        return tiles;
    }

    private void push(int level, byte[] hash) {
        if (level >= Tile.MAX_LEVELS) {
            throw new IllegalStateException("a tree of 2^64 leaves is out of reach");
        }
        int position = (int) (hashesAtLevel[level] % Tile.WIDTH);
        System.arraycopy(hash, 0, partial[level], position * MerkleHashing.HASH_LENGTH, MerkleHashing.HASH_LENGTH);
        hashesAtLevel[level]++;
        changed[level] = true;
        if (position == Tile.WIDTH - 1) {
            byte[] full = partial[level].clone();
            completed.add(new Tile(level, hashesAtLevel[level] / Tile.WIDTH - 1, full));
            push(level + 1, TileHashes.subtreeRoot(full, 0, Tile.WIDTH));
        }
    }
}
