package org.orgledger.unit.api;

/** How a unit ended: merged and replaced name exactly one successor, split at least two. */
public enum ClosureKind {
    ABOLISHED, MERGED_INTO, SPLIT_INTO, REPLACED_BY
}
