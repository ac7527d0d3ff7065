package org.lockorder.pipeline;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compact binary form of lockorder's own immutable data: records, enums, strings, boxed
 * numbers, booleans, lists, sets and maps (in iteration order). Records are rebuilt through their
 * canonical constructors, so their validation runs again; only records and enums of lockorder's
 * own packages are ever instantiated, whatever the bytes say. Strings are written once per stream
 * and then referenced by index. Numbers, sizes and references are variable-length (most are
 * small). Not a general serializer: anything else is an {@link IOException}.
 *
 * <p>Both sides work on a byte array rather than a stream: writing Linux 6.1 fs/+mm/'s parse cache
 * (90 MB before compression) through a DataOutputStream wrote every int as four synchronized
 * single-byte writes to the buffered stream.
 */
final class RecordCodec {
  private static final String PACKAGE = "org.lockorder.";
  private static final int NULL = 0, STRING = 1, INT = 2, LONG = 3, FALSE = 4, TRUE = 5, ENUM = 6,
      LIST = 7, MAP = 8, SET = 9, RECORD = 10, STRING_REF = 11;

  private record Shape(Constructor<?> constructor, RecordComponent[] components) {}

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
  /**
   * By class name, once checked to be one of lockorder's records or enums: a lookup per record
   * read went to Class.forName, a native call that took a lock (reading Linux 6.1's parse cache,
   * its most frequent native frame).
   */
  private static final Map<String, Shape> RECORDS = new ConcurrentHashMap<>();
  private static final Map<String, Object[]> ENUMS = new ConcurrentHashMap<>();

  private RecordCodec() {}

  static final class Writer {
    private byte[] buf = new byte[1 << 12];
    private int size;
    private final Map<String, Integer> strings = new HashMap<>();
    /**
     * Whether this writes the digest form: positions left out, map entries and set members in the
     * order of their text. Equal declarations at other lines then give equal bytes in any run
     * (the summary memo's program-wide key); never read back.
     */
    private final boolean digestForm;
    /**
     * In the digest form, the line positions are written relative to (a function's start), or
     * left out when negative.
     */
    private final int baseLine;

    Writer() {
      this(false);
    }

    Writer(boolean digestForm) {
      this(digestForm, -1);
    }

    Writer(boolean digestForm, int baseLine) {
      this.digestForm = digestForm;
      this.baseLine = baseLine;
    }

    /** The bytes written so far: the first {@link #size} of this array (not a copy). */
    byte[] buffer() {
      return buf;
    }

    int size() {
      return size;
    }

    void write(Object v) throws IOException {
      if (digestForm && v instanceof org.lockorder.ir.Location l) {
        v = baseLine < 0 ? null : List.of(l.file(), l.line() - baseLine, l.column());
      }
      if (digestForm && v instanceof Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        entries.sort(java.util.Comparator.comparing(e -> String.valueOf(e.getKey())));
        tag(MAP);
        unsigned(entries.size());
        for (Map.Entry<?, ?> e : entries) {
          write(e.getKey());
          write(e.getValue());
        }
        return;
      }
      if (digestForm && v instanceof Set<?> set) {
        List<Object> members = new ArrayList<>(set);
        members.sort(java.util.Comparator.comparing(String::valueOf));
        v = members;
      }
      if (v == null) {
        tag(NULL);
      } else if (v instanceof String s) {
        string(s);
      } else if (v instanceof Integer i) {
        tag(INT);
        signed(i);
      } else if (v instanceof Long l) {
        tag(LONG);
        signed(l);
      } else if (v instanceof Boolean b) {
        tag(b ? TRUE : FALSE);
      } else if (v instanceof Enum<?> e) {
        tag(ENUM);
        string(e.getDeclaringClass().getName());
        string(e.name());
      } else if (v instanceof List<?> list) {
        tag(LIST);
        unsigned(list.size());
        for (Object o : list) write(o);
      } else if (v instanceof Set<?> set) {
        tag(SET);
        unsigned(set.size());
        for (Object o : set) write(o);
      } else if (v instanceof Map<?, ?> map) {
        tag(MAP);
        unsigned(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          write(e.getKey());
          write(e.getValue());
        }
      } else if (v instanceof Record r && r.getClass().getName().startsWith(PACKAGE)) {
        tag(RECORD);
        string(r.getClass().getName());
        for (RecordComponent c : shape(r.getClass()).components()) {
          try {
            write(c.getAccessor().invoke(r));
          } catch (ReflectiveOperationException e) {
            throw new IOException("cannot read " + c, e);
          }
        }
      } else {
        throw new IOException("not encodable: " + v.getClass().getName());
      }
    }

    private void string(String s) {
      Integer ref = strings.putIfAbsent(s, strings.size());
      if (ref != null) {
        tag(STRING_REF);
        unsigned(ref);
        return;
      }
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      tag(STRING);
      unsigned(utf8.length);
      room(utf8.length);
      System.arraycopy(utf8, 0, buf, size, utf8.length);
      size += utf8.length;
    }

    private void tag(int tag) {
      room(1);
      buf[size++] = (byte) tag;
    }

    /** Zigzag, so that small negative numbers are short too. */
    private void signed(long v) {
      unsigned((v << 1) ^ (v >> 63));
    }

    /** Seven bits per byte, lowest first; the high bit says that more follow. */
    private void unsigned(long v) {
      room(10);
      while ((v & ~0x7FL) != 0) {
        buf[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    private void room(int n) {
      if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(size + n, 2 * buf.length));
    }
  }

  static final class Reader {
    private final byte[] buf;
    private int pos;
    private final int end;
    private final List<String> strings = new ArrayList<>();

    /** Reads the bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code buf}. */
    Reader(byte[] buf, int from, int to) {
      this.buf = buf;
      this.pos = from;
      this.end = to;
    }

    /** Whether every byte was read: anything left over is not what this build wrote. */
    boolean atEnd() {
      return pos == end;
    }

    Object read() throws IOException {
      int tag = tag();
      switch (tag) {
        case NULL:
          return null;
        case STRING:
        case STRING_REF:
          return string(tag);
        case INT: {
          long v = signed();
          if (v != (int) v) throw new IOException("int out of range: " + v);
          return (int) v;
        }
        case LONG:
          return signed();
        case FALSE:
          return false;
        case TRUE:
          return true;
        case ENUM:
          return enumValue(readString(), readString());
        case LIST: {
          int n = size();
          List<Object> list = new ArrayList<>(Math.min(n, 1024));
          for (int i = 0; i < n; i++) list.add(read());
          return list;
        }
        case SET: {
          int n = size();
          Set<Object> set = new LinkedHashSet<>();
          for (int i = 0; i < n; i++) set.add(read());
          return set;
        }
        case MAP: {
          int n = size();
          Map<Object, Object> map = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) map.put(read(), read());
          return map;
        }
        case RECORD:
          return record(readString());
        default:
          throw new IOException("bad tag " + tag);
      }
    }

    private int tag() throws IOException {
      if (pos >= end) throw new IOException("truncated");
      return buf[pos++];
    }

    /** A collection's size: each element takes a byte at least, so at most the bytes left. */
    private int size() throws IOException {
      long n = unsigned();
      if (n > end - pos) throw new IOException("bad size " + n);
      return (int) n;
    }

    private long signed() throws IOException {
      long v = unsigned();
      return (v >>> 1) ^ -(v & 1);
    }

    private long unsigned() throws IOException {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) throw new IOException("truncated");
        byte b = buf[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) return v;
      }
      throw new IOException("number too long");
    }

    private String readString() throws IOException {
      int tag = tag();
      if (tag != STRING && tag != STRING_REF) throw new IOException("expected a string, tag " + tag);
      return string(tag);
    }

    private String string(int tag) throws IOException {
      long n = unsigned();
      if (tag == STRING) {
        if (n > end - pos) throw new IOException("truncated");
        String s = new String(buf, pos, (int) n, StandardCharsets.UTF_8);
        pos += (int) n;
        strings.add(s);
        return s;
      }
      if (n >= strings.size()) throw new IOException("bad string reference " + n);
      return strings.get((int) n);
    }

    private Object enumValue(String className, String name) throws IOException {
      Object[] constants = ENUMS.get(className);
      if (constants == null) {
        Class<?> c = ownClass(className);
        if (!c.isEnum()) throw new IOException("not an enum: " + className);
        constants = c.getEnumConstants();
        ENUMS.put(className, constants);
      }
      for (Object constant : constants) {
        if (((Enum<?>) constant).name().equals(name)) return constant;
      }
      throw new IOException("no constant " + className + "." + name);
    }

    private Object record(String className) throws IOException {
      Shape shape = RECORDS.get(className);
      if (shape == null) {
        Class<?> c = ownClass(className);
        if (!c.isRecord()) throw new IOException("not a record: " + className);
        shape = shape(c);
        RECORDS.put(className, shape);
      }
      Object[] args = new Object[shape.components().length];
      for (int i = 0; i < args.length; i++) args[i] = read();
      try {
        return shape.constructor().newInstance(args);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IOException("cannot rebuild " + className, e);
      }
    }
  }

  private static Class<?> ownClass(String name) throws IOException {
    if (!name.startsWith(PACKAGE)) throw new IOException("foreign class " + name);
    try {
      return Class.forName(name, false, RecordCodec.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IOException("unknown class " + name, e);
    }
  }

  private static Shape shape(Class<?> c) throws IOException {
    Shape s = SHAPES.get(c);
    if (s != null) return s;
    RecordComponent[] components = c.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      components[i].getAccessor().setAccessible(true);
    }
    try {
      Constructor<?> k = c.getDeclaredConstructor(types);
      k.setAccessible(true);
      s = new Shape(k, components);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IOException("no canonical constructor for " + c.getName(), e);
    }
    SHAPES.put(c, s);
    return s;
  }
}
