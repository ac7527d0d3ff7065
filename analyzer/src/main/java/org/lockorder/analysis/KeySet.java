package org.lockorder.analysis;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caller's locks a path has released ({@link LockState#released}): an immutable set in the
 * order the keys were added, with its hash computed once, that remembers the sets one key larger
 * made from it. Every release of a lock the function did not take extends such a set, and states
 * are hashed and compared at every node, so paths that release the same locks share one object:
 * comparing two of them is a pointer test, and hashing one is a field read. The sets hold a few
 * keys, so lookups scan an array.
 */
final class KeySet extends AbstractSet<LockKey> {
  static final KeySet EMPTY = new KeySet(new LockKey[0]);

  private final LockKey[] keys;
  private final int hash;
  private final boolean anyParam;
  /** The sets one key larger, by that key (concurrent: EMPTY is shared by every analysis). */
  private final Map<LockKey, KeySet> larger = new ConcurrentHashMap<>(2);

  private KeySet(LockKey[] keys) {
    this.keys = keys;
    int h = 0;
    boolean params = false;
    for (LockKey k : keys) {
      h += k.hashCode(); // Set's hashCode contract: the sum of the elements'
      params |= k instanceof LockKey.OfParam;
    }
    this.hash = h;
    this.anyParam = params;
  }

  /** {@code keys} as a KeySet: itself when it is one. */
  static KeySet of(Collection<LockKey> keys) {
    if (keys instanceof KeySet k) return k;
    KeySet out = EMPTY;
    for (LockKey k : keys) out = out.with(k);
    return out;
  }

  /** This set with {@code key} added last; this set itself when it has the key already. */
  KeySet with(LockKey key) {
    if (contains(key)) return this;
    KeySet known = larger.get(key);
    if (known != null) return known;
    LockKey[] more = java.util.Arrays.copyOf(keys, keys.length + 1);
    more[keys.length] = key;
    KeySet made = new KeySet(more);
    KeySet raced = larger.putIfAbsent(key, made);
    return raced != null ? raced : made;
  }

  /**
   * This set with the keys of {@code more} added last, in their order: what {@link #with} of each
   * would give. The last such union is remembered, because a state applies the same callee exits
   * over and over.
   */
  KeySet withAll(KeySet more) {
    if (more.keys.length == 0 || more == this) return this;
    if (keys.length == 0) return more;
    Object[] last = lastUnion;
    if (last != null && last[0] == more) return (KeySet) last[1];
    KeySet out = this;
    for (LockKey k : more.keys) out = out.with(k);
    lastUnion = new Object[] {more, out};
    return out;
  }

  /** The argument and result of the last {@link #withAll}; replaced whole, so races only lose a hit. */
  private volatile Object[] lastUnion;

  /** Whether a key is a parameter lock (a caller substitutes its argument). */
  boolean anyParam() {
    return anyParam;
  }

  @Override
  public boolean contains(Object o) {
    for (LockKey k : keys) if (k.equals(o)) return true;
    return false;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean isEmpty() {
    return keys.length == 0;
  }

  @Override
  public Iterator<LockKey> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < keys.length;
      }

      @Override
      public LockKey next() {
        if (next >= keys.length) throw new NoSuchElementException();
        return keys[next++];
      }
    };
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) return true;
    if (o instanceof KeySet other && (other.hash != hash || other.keys.length != keys.length)) return false;
    return super.equals(o);
  }
}
