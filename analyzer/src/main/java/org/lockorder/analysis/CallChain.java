package org.lockorder.analysis;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An immutable call path that shares its tail: prepending a caller's step is O(1), so passing a
 * callee's acquisitions up through every call site does not copy their paths. Read-only.
 */
final class CallChain extends AbstractList<CallStep> {
  static final CallChain EMPTY = new CallChain(null, null, 0);

  private final CallStep head;
  private final CallChain tail;
  private final int size;

  private CallChain(CallStep head, CallChain tail, int size) {
    this.head = head;
    this.tail = tail;
    this.size = size;
  }

  /** {@code steps} as a chain: itself when it already is one. */
  static CallChain of(List<CallStep> steps) {
    if (steps instanceof CallChain c) return c;
    CallChain c = EMPTY;
    for (int i = steps.size() - 1; i >= 0; i--) c = c.prepend(steps.get(i));
    return c;
  }

  /**
   * Where the summary memo wrote or read this node (ADR-009), so that a caller's entry names it
   * instead of writing it again: the component's index plus one (high half) and the node's index
   * in that component's entry (low half); 0 until then. One volatile long, so that a reader on
   * another thread sees either nothing or a whole value, and no object per node.
   */
  volatile long memo;

  /**
   * {@link #memo} for a node a specialised analysis made (ADR-007): whichever component first
   * happened to write it, that is not the same in every run, so every entry that holds such a node
   * writes it ({@link MemoEntryWriter}).
   */
  static final long SPECIALISED = -1;

  /** Marks the nodes of {@code c} no entry owns yet as {@link #SPECIALISED}. */
  static void markSpecialised(List<CallStep> c) {
    for (CallChain at = of(c); at.size > 0 && at.memo == 0; at = at.tail) at.memo = SPECIALISED;
  }

  /** The first step (null for {@link #EMPTY}); the memo writes chains node by node, sharing tails. */
  CallStep head() {
    return head;
  }

  /** The chain after the first step (null for {@link #EMPTY}). */
  CallChain tail() {
    return tail;
  }

  CallChain prepend(CallStep step) {
    if (step == null) throw new NullPointerException("step");
    return new CallChain(step, this, size + 1);
  }

  @Override
  public CallStep get(int index) {
    if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
    CallChain c = this;
    for (int i = 0; i < index; i++) c = c.tail;
    return c.head;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<CallStep> iterator() {
    return new Iterator<>() {
      private CallChain at = CallChain.this;

      @Override
      public boolean hasNext() {
        return at.size > 0;
      }

      @Override
      public CallStep next() {
        if (at.size == 0) throw new NoSuchElementException();
        CallStep s = at.head;
        at = at.tail;
        return s;
      }
    };
  }
}
