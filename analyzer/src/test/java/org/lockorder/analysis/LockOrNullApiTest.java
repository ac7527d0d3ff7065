package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.report.LockGraph;

/**
 * Lock-or-NULL pointers (page_ext_get read through its body, page_ext_put from the linux
 * profile): a caller that tests the pointer and releases on the non-NULL path leaves nothing held,
 * so nothing it takes afterwards is ordered after the lock. Without either, the NULL path would
 * keep the lock and order it before everything after the call.
 */
class LockOrNullApiTest {
  @TempDir Path dir;

  private static final String PAGE_EXT =
      """
      struct page { unsigned long flags; };
      struct page_ext { unsigned long flags; };
      static DEFINE_MUTEX(owner_mutex);
      struct page_ext *lookup_page_ext(struct page *page);

      struct page_ext *page_ext_get(struct page *page)
      {
      	struct page_ext *page_ext;

      	rcu_read_lock();
      	page_ext = lookup_page_ext(page);
      	if (!page_ext) {
      		rcu_read_unlock();
      		return NULL;
      	}
      	return page_ext;
      }

      void page_ext_put(struct page_ext *page_ext)
      {
      	if (!page_ext)
      		return;
      	rcu_read_unlock();
      }

      static void clear_owner(struct page *page)
      {
      	struct page_ext *page_ext = page_ext_get(page);

      	if (!page_ext)
      		return;
      	page_ext->flags = 0;
      	page_ext_put(page_ext);
      }

      void set_owner_then_lock(struct page *page)
      {
      	clear_owner(page);
      	mutex_lock(&owner_mutex);
      	mutex_unlock(&owner_mutex);
      }
      """;

  @Test
  void aPageExtGetAndPutLeaveRcuReleased() throws Exception {
    assertEquals(List.of(), edges(PAGE_EXT));
  }

  @Test
  void theLockIsHeldBetweenANonNullGetAndThePut() throws Exception {
    String inside = PAGE_EXT.replace(
        "\tpage_ext->flags = 0;\n", "\tmutex_lock(&owner_mutex);\n\tpage_ext->flags = 0;\n\tmutex_unlock(&owner_mutex);\n");
    assertEquals(List.of("rcu_read_lock -> owner_mutex"), edges(inside));
  }

  private List<String> edges(String code) throws Exception {
    LockGraph graph = Snippets.analyze(dir, code).graph();
    return graph.programs().stream().flatMap(p -> p.edges().stream()).map(e -> e.from() + " -> " + e.to()).toList();
  }
}
