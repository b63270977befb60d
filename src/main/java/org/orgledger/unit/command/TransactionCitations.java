package org.orgledger.unit.command;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.orgledger.platform.transaction.TransactionScoped;

/** The (unit, instrument) citations one transaction has already written. */
final class TransactionCitations {

    private final Set<List<String>> written = new HashSet<>();

    private TransactionCitations() {
    }

    /** True unless this transaction has recorded the same citation before. */
    static boolean firstInTransaction(String unitId, String instrument) {
        return TransactionScoped.get(TransactionCitations.class, TransactionCitations::new)
                .map(citations -> citations.written.add(List.of(unitId, instrument)))
                .orElse(true);
    }
}
