package org.lockorder.pipeline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
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
 * and then referenced by index. Not a general serializer: anything else is an {@link IOException}.
 */
final class RecordCodec {
  private static final String PACKAGE = "org.lockorder.";
  private static final int NULL = 0, STRING = 1, INT = 2, LONG = 3, FALSE = 4, TRUE = 5, ENUM = 6,
      LIST = 7, MAP = 8, SET = 9, RECORD = 10, STRING_REF = 11;

  private record Shape(Constructor<?> constructor, RecordComponent[] components) {}

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private RecordCodec() {}

  static final class Writer {
    private final DataOutputStream out;
    private final Map<String, Integer> strings = new HashMap<>();

    Writer(DataOutputStream out) {
      this.out = out;
    }

    void write(Object v) throws IOException {
      if (v == null) {
        out.writeByte(NULL);
      } else if (v instanceof String s) {
        string(s);
      } else if (v instanceof Integer i) {
        out.writeByte(INT);
        out.writeInt(i);
      } else if (v instanceof Long l) {
        out.writeByte(LONG);
        out.writeLong(l);
      } else if (v instanceof Boolean b) {
        out.writeByte(b ? TRUE : FALSE);
      } else if (v instanceof Enum<?> e) {
        out.writeByte(ENUM);
        string(e.getDeclaringClass().getName());
        string(e.name());
      } else if (v instanceof List<?> list) {
        out.writeByte(LIST);
        out.writeInt(list.size());
        for (Object o : list) write(o);
      } else if (v instanceof Set<?> set) {
        out.writeByte(SET);
        out.writeInt(set.size());
        for (Object o : set) write(o);
      } else if (v instanceof Map<?, ?> map) {
        out.writeByte(MAP);
        out.writeInt(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          write(e.getKey());
          write(e.getValue());
        }
      } else if (v instanceof Record r && r.getClass().getName().startsWith(PACKAGE)) {
        out.writeByte(RECORD);
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

    private void string(String s) throws IOException {
      Integer ref = strings.get(s);
      if (ref != null) {
        out.writeByte(STRING_REF);
        out.writeInt(ref);
      } else {
        strings.put(s, strings.size());
        out.writeByte(STRING);
        out.writeUTF(s);
      }
    }
  }

  static final class Reader {
    private final DataInputStream in;
    private final List<String> strings = new ArrayList<>();

    Reader(DataInputStream in) {
      this.in = in;
    }

    Object read() throws IOException {
      int tag = in.readByte();
      switch (tag) {
        case NULL:
          return null;
        case STRING:
        case STRING_REF:
          return string(tag);
        case INT:
          return in.readInt();
        case LONG:
          return in.readLong();
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

    private int size() throws IOException {
      int n = in.readInt();
      if (n < 0) throw new IOException("bad size " + n);
      return n;
    }

    private String readString() throws IOException {
      int tag = in.readByte();
      if (tag != STRING && tag != STRING_REF) throw new IOException("expected a string, tag " + tag);
      return string(tag);
    }

    private String string(int tag) throws IOException {
      if (tag == STRING) {
        String s = in.readUTF();
        strings.add(s);
        return s;
      }
      int ref = in.readInt();
      if (ref < 0 || ref >= strings.size()) throw new IOException("bad string reference " + ref);
      return strings.get(ref);
    }

    private Object enumValue(String className, String name) throws IOException {
      Class<?> c = ownClass(className);
      if (!c.isEnum()) throw new IOException("not an enum: " + className);
      for (Object constant : c.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(name)) return constant;
      }
      throw new IOException("no constant " + className + "." + name);
    }

    private Object record(String className) throws IOException {
      Class<?> c = ownClass(className);
      if (!c.isRecord()) throw new IOException("not a record: " + className);
      Shape shape = shape(c);
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
