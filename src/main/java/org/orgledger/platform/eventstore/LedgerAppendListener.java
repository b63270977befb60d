package org.orgledger.platform.eventstore;

import java.util.List;

/**
 * Told of every append, inside the appending transaction and under the ledger lock, in
 * sequence order. Whatever it writes commits or rolls back with the events themselves.
 */
public interface LedgerAppendListener {

    void onAppended(List<AppendedEvent> events);
}
