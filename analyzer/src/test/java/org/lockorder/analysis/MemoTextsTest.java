package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Texts read back from memo entries are the run's one copy, whatever the thread saw before. */
class MemoTextsTest {
  private static final List<String> TEXTS = List.of("ext4_inode_info.i_data_sem", "fs/ext4/inode.c", "ntfs_inode.ni_lock/6", "fs/f\u00e9e.c", "");

  private static byte[] entry() {
    MemoBytes.Out out = new MemoBytes.Out();
    for (String t : TEXTS) out.str(t);
    return out.toByteArray();
  }

  private static List<String> read(byte[] bytes, Map<String, String> run) throws MemoBytes.Malformed {
    MemoBytes.In in = new MemoBytes.In(bytes, run);
    return List.of(in.str(), in.str(), in.str(), in.str(), in.str());
  }

  @Test
  void aTextReadInTwoEntriesIsOneObject() throws Exception {
    Map<String, String> run = new ConcurrentHashMap<>();
    List<String> first = read(entry(), run);
    List<String> second = read(entry(), run);
    assertEquals(TEXTS, first);
    for (int i = 0; i < TEXTS.size(); i++) assertSame(first.get(i), second.get(i), TEXTS.get(i));
  }

  @Test
  void anotherRunGetsItsOwnCopies() throws Exception {
    List<String> first = read(entry(), new ConcurrentHashMap<>());
    Map<String, String> other = new ConcurrentHashMap<>();
    List<String> second = read(entry(), other);
    assertEquals(TEXTS, second);
    assertNotSame(first.get(0), second.get(0));
    assertSame(other.get(TEXTS.get(0)), second.get(0));
  }

  @Test
  void textsWithTheSameHashSlotAreNotConfused() throws Exception {
    // "Aa" and "BB" have one hash: whatever slot they share, each reads back as itself.
    MemoBytes.Out out = new MemoBytes.Out();
    out.str("Aa");
    MemoBytes.Out out2 = new MemoBytes.Out();
    out2.str("BB");
    Map<String, String> run = new ConcurrentHashMap<>();
    assertEquals("Aa", new MemoBytes.In(out.toByteArray(), run).str());
    assertEquals("BB", new MemoBytes.In(out2.toByteArray(), run).str());
    assertEquals("Aa", new MemoBytes.In(out.toByteArray(), run).str());
  }
}
