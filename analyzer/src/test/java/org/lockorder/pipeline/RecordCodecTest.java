package org.lockorder.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.Mode;

class RecordCodecTest {

  record Leaf(String name, int n, long big, boolean flag, Mode mode) {}

  record Tree(Leaf leaf, List<Object> items, Set<String> names, Map<String, Integer> counts, Tree child) {}

  private static Tree sample() {
    String huge = "x".repeat(100_000) + "é€"; // longer than DataOutput.writeUTF allows, and not ASCII
    List<Object> items = new ArrayList<>(Arrays.asList(
        Integer.MIN_VALUE, -1, 0, 127, 128, 300, Integer.MAX_VALUE, Long.MIN_VALUE, -129L, Long.MAX_VALUE,
        null, true, false, huge, "", "spin_lock", "spin_lock"));
    Set<String> names = new LinkedHashSet<>(List.of("z", "a", "m")); // order kept, not sorted
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("second", 2);
    counts.put("first", 1);
    Tree inner = new Tree(new Leaf("inner", -7, 1L << 40, false, Mode.READ), List.of(), Set.of(), Map.of(), null);
    return new Tree(new Leaf("outer", 42, -3L, true, Mode.WRITE), items, names, counts, inner);
  }

  private static byte[] encode(Object v) throws IOException {
    RecordCodec.Writer w = new RecordCodec.Writer();
    w.write(v);
    return Arrays.copyOf(w.buffer(), w.size());
  }

  @Test
  void whatIsWrittenReadsBackEqualInTheSameOrder() throws IOException {
    Tree t = sample();
    byte[] bytes = encode(t);
    RecordCodec.Reader r = new RecordCodec.Reader(bytes, 0, bytes.length);
    Tree back = (Tree) r.read();
    assertTrue(r.atEnd());
    assertEquals(t, back);
    assertEquals(List.copyOf(t.names()), List.copyOf(back.names()));
    assertEquals(List.copyOf(t.counts().keySet()), List.copyOf(back.counts().keySet()));
  }

  @Test
  void aRepeatedStringIsWrittenOnce() throws IOException {
    String s = "i_mmap_rwsem".repeat(100);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) many.add(new String(s)); // equal, not the same object
    assertTrue(encode(many).length < s.length() + 2 * 100 + 16, "one copy of the text, then references");
  }

  @Test
  void smallNumbersTakeOneByte() throws IOException {
    assertEquals(2, encode(5).length); // tag, value
    assertEquals(2, encode(-5).length);
    assertEquals(6, encode(Integer.MIN_VALUE).length);
  }

  @Test
  void everyTruncationIsAnErrorNotAValue() throws IOException {
    byte[] bytes = encode(new Tree(new Leaf("a", 300, 5L, true, Mode.READ), List.of("b", 7, "b"), Set.of("c"), Map.of("d", 1), null));
    for (int n = 0; n < bytes.length; n++) {
      RecordCodec.Reader r = new RecordCodec.Reader(bytes, 0, n);
      assertThrows(IOException.class, r::read, "prefix of " + n + " bytes");
    }
  }

  @Test
  void classesOutsideLockorderAreNeitherWrittenNorRebuilt() throws IOException {
    assertThrows(IOException.class, () -> encode(new java.util.Date()));
    byte[] name = encode("java.lang.ProcessBuilder");
    byte[] bytes = new byte[name.length + 1];
    bytes[0] = 10; // the record tag, then the class name
    System.arraycopy(name, 0, bytes, 1, name.length);
    IOException e = assertThrows(IOException.class, () -> new RecordCodec.Reader(bytes, 0, bytes.length).read());
    assertTrue(e.getMessage().contains("foreign class"), e.getMessage());
  }

  @Test
  void aSizeLargerThanTheBytesLeftIsRejectedBeforeAllocating() {
    byte[] bytes = {7, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07}; // a list of 2^31-1 elements
    IOException e = assertThrows(IOException.class, () -> new RecordCodec.Reader(bytes, 0, bytes.length).read());
    assertTrue(e.getMessage().contains("bad size"), e.getMessage());
  }
}
