package org.orgledger.platform.eventstore;

import java.util.List;

/**
 * What the ledger acknowledges for an accepted command: the global sequences of the events it
 * appended ({@code sequence} is the last of them), and whether the read models already show them.
 */
public record CommandReceipt(long sequence, List<Long> sequences, boolean visible) {
}
