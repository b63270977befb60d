package org.orgledger.audit.tiles;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.orgledger.audit.merkle.MerkleTree;

/**
 * Checks stored tiles against the tree recomputed from the leaves (which the verifier has already
 * proven against the chain and the signed heads): every stored hash must equal the recomputed one,
 * and the tiles must be exactly those of the tree's size, none missing, none beyond. Proofs are
 * served from the tiles, so a wrong tile would make honest proofs fail; it is reported at the first
 * leaf it covers. Feed the tiles in any order.
 */
public final class TileCheck {

    private final MerkleTree tree;
    private final Map<TileKey, Integer> widths = new HashMap<>();
    private Mismatch first;

    public TileCheck(MerkleTree tree) {
        this.tree = tree;
    }

    /** A stored tile that disagrees with the leaves: the first leaf index it covers, and why. */
    public record Mismatch(long leafIndex, String reason) {
    }

    public void accept(Tile tile) {
        widths.put(new TileKey(tile.level(), tile.index()), tile.width());
        int height = tile.level() * Tile.HEIGHT;
        for (int i = 0; i < tile.width(); i++) {
            long position = tile.index() * Tile.WIDTH + i;
            long firstLeaf = position << height;
            if (((position + 1) << height) > tree.size()) {
                report(Math.min(firstLeaf, tree.size()), "the stored tile " + name(tile) + " holds a hash for leaves"
                        + " beyond the log's " + tree.size() + ": a stored tree node was added or the leaves removed");
                return;
            }
            if (!MessageDigest.isEqual(tile.hash(i), tree.completeSubtreeHash(height, position))) {
                report(firstLeaf, "the stored tile " + name(tile) + " has a hash at position " + i
                        + " that does not match the leaves: a stored tree node was altered, so proofs served from it fail");
                return;
            }
        }
    }

    /** The earliest mismatch, after checking that no tile of the tree's size is missing or short. */
    public Optional<Mismatch> finish() {
        for (int level = 0; level < Tile.MAX_LEVELS; level++) {
            long count = Tile.hashesAtLevel(tree.size(), level);
            for (long index = 0; index * Tile.WIDTH < count; index++) {
                int expected = (int) Math.min(Tile.WIDTH, count - index * Tile.WIDTH);
                int stored = widths.getOrDefault(new TileKey(level, index), 0);
                if (stored < expected) {
                    long firstLeaf = (index * Tile.WIDTH + stored) << (level * Tile.HEIGHT);
                    report(firstLeaf, "the stored tile " + level + "/" + index + " holds " + stored + " of its "
                            + expected + " hashes: a stored tree node is missing");
                }
            }
        }
        return Optional.ofNullable(first);
    }

    private void report(long leafIndex, String reason) {
        if (first == null || leafIndex < first.leafIndex()) {
            first = new Mismatch(leafIndex, reason);
        }
    }

    private static String name(Tile tile) {
        return tile.level() + "/" + tile.index();
    }
}
