package org.lockorder.ir;

/** Lockdep's three kinds of locker. */
public enum Mode {
  /** Exclusive: mutex, spinlock, down_write, write_lock. Lockdep's W. */
  WRITE("W"),
  /** Non-recursive reader: down_read, percpu_down_read, sb_start_write. Lockdep's r. */
  READ("r"),
  /** Recursive reader: rcu_read_lock, read_lock in interrupt context. Lockdep's R. */
  RECURSIVE_READ("R");

  private final String letter;

  Mode(String letter) {
    this.letter = letter;
  }

  /** W, r or R, as lockdep writes it. */
  public String letter() {
    return letter;
  }

  public boolean shared() {
    return this != WRITE;
  }
}
