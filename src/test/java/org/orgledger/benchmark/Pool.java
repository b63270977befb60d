package org.orgledger.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A set with O(1) add, remove and random pick: the generator picks among tens of thousands of
 * live units a million times. Iteration order is insertion order disturbed by removals, which
 * is deterministic for a given sequence of operations (so for a given seed).
 */
final class Pool<T extends Pool.Member> {

    interface Member {
        int poolIndex();

        void poolIndex(int index);
    }

    private final List<T> items = new ArrayList<>();

    void add(T item) {
        item.poolIndex(items.size());
        items.add(item);
    }

    void remove(T item) {
        int index = item.poolIndex();
        if (index < 0) {
            return;
        }
        T last = items.remove(items.size() - 1);
        if (last != item) {
            items.set(index, last);
            last.poolIndex(index);
        }
        item.poolIndex(-1);
    }

    T pick(Random random) {
        return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
    }

    /** A snapshot, so that callers may change the pool while they walk it. */
    List<T> items() {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }
}
