/**
 * The Merkle tree stored as it grows, in the C2SP {@code tlog-tiles} layout
 * (https://c2sp.org/tlog-tiles): tiles of up to 256 consecutive hashes per level, where a hash at
 * level {@code l} is the root of {@code 256^l} leaves. Appending a transaction's leaves rewrites
 * only the right edge (at most one partial tile per level, plus the tiles it completes), in the
 * same transaction as the leaves; a root of any size and any proof then read O(log n) stored
 * hashes instead of every leaf (docs/decisions/0017-stored-merkle-tiles.md).
 *
 * <p>The arithmetic ({@link org.orgledger.audit.tiles.TileAppender},
 * {@link org.orgledger.audit.tiles.StoredSubtrees}, {@link org.orgledger.audit.tiles.TileCheck}) is
 * plain Java; {@link org.orgledger.audit.tiles.TileStore} keeps the tiles in PostgreSQL.
 */
package org.orgledger.audit.tiles;
