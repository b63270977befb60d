package org.orgledger.audit.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiles kept in a map, written by the production appender, under the rule the database trigger
 * enforces (a full tile never changes; a partial tile is only extended). Nothing else is kept
 * between transactions, so every append resumes from storage alone, as after a restart.
 */
final class InMemoryTiles {

    private final Map<TileKey, byte[]> stored = new HashMap<>();
    private long size;

    void appendTransaction(List<byte[]> leafInputs) {
        for (Tile tile : TileAppender.extend(size, this::read, leafInputs)) {
            TileKey key = new TileKey(tile.level(), tile.index());
            byte[] before = stored.get(key);
            if (before != null) {
                assertThat(before.length).as("a full tile %s is never rewritten", key).isLessThan(Tile.WIDTH * 32);
                assertThat(tile.hashes().length).as("tile %s only grows", key).isGreaterThan(before.length);
                assertThat(Arrays.copyOf(tile.hashes(), before.length)).as("tile %s keeps its hashes", key).isEqualTo(before);
            }
            stored.put(key, tile.hashes());
        }
        size += leafInputs.size();
    }

    Map<TileKey, byte[]> read(Map<TileKey, Integer> keys) {
        Map<TileKey, byte[]> found = new HashMap<>();
        keys.forEach((key, width) -> {
            if (stored.containsKey(key)) {
                found.put(key, stored.get(key));
            }
        });
        return found;
    }

    byte[] root(long treeSize) {
        return StoredSubtrees.compute(walk -> walk.root(treeSize), this::read);
    }

    List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        return StoredSubtrees.compute(walk -> walk.inclusionProof(leafIndex, treeSize), this::read);
    }

    List<byte[]> consistencyProof(long oldSize, long newSize) {
        return StoredSubtrees.compute(walk -> walk.consistencyProof(oldSize, newSize), this::read);
    }

    Map<TileKey, byte[]> all() {
        return stored;
    }

    long size() {
        return size;
    }
}
