package org.orgledger.platform.transaction;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State that lives as long as the current database transaction: created on first use, unbound
 * when the transaction completes. A value that is itself a {@link TransactionSynchronization}
 * is also told of the transaction's commit.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /** The value bound to the current transaction under {@code key}, if one was created. */
    @SuppressWarnings("unchecked")
    public static <T> java.util.Optional<T> find(Object key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable((T) TransactionSynchronizationManager.getResource(key));
    }

    /** The value bound to the current transaction under {@code key}; empty outside a transaction. */
    public static <T> java.util.Optional<T> get(Object key, Supplier<T> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return java.util.Optional.empty();
        }
        @SuppressWarnings("unchecked")
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null) {
            T created = create.get();
            TransactionSynchronizationManager.bindResource(key, created);
            if (created instanceof TransactionSynchronization synchronization) {
                TransactionSynchronizationManager.registerSynchronization(synchronization);
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            value = created;
        }
        return java.util.Optional.of(value);
    }
}
