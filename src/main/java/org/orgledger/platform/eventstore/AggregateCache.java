package org.orgledger.platform.eventstore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.orgledger.platform.transaction.TransactionScoped;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The aggregates this node has loaded or changed, so that a command need not read and replay
 * an aggregate's whole history from the event store (about a quarter of a command's work in an
 * import). Axon's caching repository puts an aggregate here when its command's unit of work
 * commits and removes it when that unit of work rolls back; two things Axon cannot know are
 * handled here:
 *
 * <ul>
 *   <li><b>The database transaction may be wider than the command.</b> An import runs thousands
 *   of commands in one transaction and rolls all of them back if one file entry breaks a rule
 *   (decision 0006), after their units of work have committed. So an aggregate stored by a
 *   transaction that has not committed yet is seen by that transaction only; when it rolls back,
 *   everything it stored is dropped.</li>
 *   <li><b>Other nodes append too</b> (several nodes on one PostgreSQL). The first load of each
 *   transaction, made under the ledger lock (the command interceptor takes it first), compares
 *   the event store's head with the last sequence this node saw committed; if anything else was
 *   appended meanwhile, the cache is emptied. The lock keeps the head from moving until this
 *   transaction ends, so one check per transaction is enough.</li>
 * </ul>
 *
 * <p>Bounded (least recently used first) so that a history of a million changes does not keep
 * every unit in memory.
 */
@Component(AggregateCache.NAME)
public class AggregateCache implements Cache, LedgerAppendListener {

    /** The bean name the aggregates' {@code @Aggregate(cache = ...)} refers to. */
    public static final String NAME = "aggregateCache";

    private final JdbcTemplate jdbc;
    private final int maxEntries;
    private final Map<Object, Entry> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    /** The event store's head when this node last knew that nothing but its own appends were in it. */
    private long knownHead = -1;

    public AggregateCache(JdbcTemplate jdbc, @Value("${orgledger.aggregate-cache.max-entries:10000}") int maxEntries) {
        this.jdbc = jdbc;
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                return size() > AggregateCache.this.maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Writes writes = currentWrites();
        if (writes == null || !writes.checked) {
            // only a transaction that checked the store's head under the ledger lock may trust it
            return null;
        }
        Entry entry = entries.get(key);
        if (entry == null || !entry.visibleTo(writes)) {
            return null;
        }
        return (V) entry.value();
    }

    @Override
    public synchronized void put(Object key, Object value) {
        Writes writes = currentWrites();
        if (writes != null) {
            writes.keys.add(key);
        }
        entries.put(key, new Entry(value, writes));
        listeners.forEach(listener -> listener.onEntryCreated(key, value));
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T present = get(key);
        if (present != null) {
            return present;
        }
        T created = valueSupplier.get();
        put(key, created);
        return created;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V present = get(key);
        if (present != null) {
            put(key, update.apply(present));
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        new ArrayList<>(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    synchronized int size() {
        return entries.size();
    }

    /**
     * Empties the cache if anything but this node's own committed appends reached the event
     * store since it last looked. Called by the command interceptor right after it takes the
     * ledger lock; once per transaction.
     */
    public synchronized void checkUnderLedgerLock() {
        Writes writes = currentWrites();
        if (writes == null || writes.checked) {
            return;
        }
        writes.checked = true;
        long now = LedgerHead.underLock(jdbc).sequence();
        if (now != knownHead) {
            removeAll();
            knownHead = now;
        }
        writes.headAtStart = now;
    }

    private synchronized void committed(Writes writes, long lastAppended) {
        writes.committed = true;
        // Only a head this node validated and then extended itself counts as known.
        if (writes.checked && writes.headAtStart == knownHead && lastAppended > knownHead) {
            knownHead = lastAppended;
        }
    }

    private synchronized void rolledBack(Writes writes) {
        for (Object key : writes.keys) {
            Entry entry = entries.get(key);
            if (entry != null && entry.writes() == writes) {
                remove(key);
            }
        }
    }

    /** Learns the last sequence this node's committing transaction appended. */
    @Override
    public void onAppended(List<AppendedEvent> appended) {
        Writes writes = currentWrites();
        if (writes != null) {
            appended.forEach(event -> writes.lastAppended = Math.max(writes.lastAppended, event.sequence()));
        }
    }

    private Writes currentWrites() {
        return TransactionScoped.<Writes>get(Writes.class, () -> new Writes(this)).orElse(null);
    }

    private record Entry(Object value, Writes writes) {

        /** An aggregate stored by a transaction that has not committed is that transaction's alone. */
        boolean visibleTo(Writes reader) {
            return writes == null || writes.committed || writes == reader;
        }
    }

    /** What one database transaction did to the cache. */
    private static final class Writes implements TransactionSynchronization {

        private final AggregateCache cache;
        private final List<Object> keys = new ArrayList<>();
        private boolean checked;
        private long headAtStart;
        private long lastAppended;
        private volatile boolean committed;

        private Writes(AggregateCache cache) {
            this.cache = cache;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                cache.committed(this, lastAppended);
            } else {
                cache.rolledBack(this);
            }
        }
    }
}
