package org.orgledger.platform.eventstore;

import java.util.List;

/**
 * Told, once per transaction and just before it commits, of every event the transaction
 * appended, in sequence order, under the ledger lock. Whatever it writes commits or rolls back
 * with the events themselves; if it throws, the transaction rolls back.
 */
public interface LedgerAppendListener {

    void onAppended(List<AppendedEvent> events);
}
