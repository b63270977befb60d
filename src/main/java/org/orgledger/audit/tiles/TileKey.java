package org.orgledger.audit.tiles;

/** Which tile: its level and its index within the level. */
public record TileKey(int level, long index) {
}
