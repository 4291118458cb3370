package dev.vigil.analyst.anomaly;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries, dropping the eldest (least recently used when access-ordered,
 * else the oldest inserted) when a put goes past it, and reporting each drop. Not synchronised: its owner locks.
 */
final class BoundedMap<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;
    private final Runnable onEvict;

    BoundedMap(int capacity, boolean accessOrder, Runnable onEvict) {
        super(16, 0.75f, accessOrder);
        if (capacity < 1) {
            throw new IllegalArgumentException("a bound must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.onEvict = onEvict;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() > capacity) {
            onEvict.run();
            return true;
        }
        return false;
    }
}
