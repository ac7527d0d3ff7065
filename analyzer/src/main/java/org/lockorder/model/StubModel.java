package org.lockorder.model;

import java.util.List;
import org.lockorder.ir.Mode;

/**
 * What a function outside the analyzed code does, for callers inside it: {@code filemap_fault}
 * (in mm/, absent when only fs/ is analyzed) takes the mapping's invalidate_lock shared and
 * reaches ->read_folio and ->readahead. Used only when the program defines no function of that
 * name.
 *
 * @param lockClass a lock held around the calls, or null
 * @param kind that lock's kind, or null
 * @param mode that lock's mode, or null
 * @param calls "struct.member" slots whose stored functions the stub calls
 */
public record StubModel(String name, String lockClass, String kind, Mode mode, List<String> calls) {
  public StubModel {
    calls = List.copyOf(calls);
  }
}
