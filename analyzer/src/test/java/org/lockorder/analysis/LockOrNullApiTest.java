package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    // A spinlock: a mutex would sleep in the RCU section page_ext_get returned, which ADR-014
    // then takes as not held.
    String inside = PAGE_EXT.replace("static DEFINE_MUTEX(owner_mutex);", "static DEFINE_MUTEX(owner_mutex);\nstatic DEFINE_SPINLOCK(owner_lock);")
        .replace("\tpage_ext->flags = 0;\n", "\tspin_lock(&owner_lock);\n\tpage_ext->flags = 0;\n\tspin_unlock(&owner_lock);\n");
    assertEquals(List.of("rcu_read_lock -> owner_lock"), edges(inside));
  }

  private List<String> edges(String code) throws Exception {
    return Snippets.edges(dir, code);
  }

  @Test
  void aNullResultKeepsALockOfTheCalleesOwnParameterButNotOfItsLocal() throws Exception {
    // get_locked's NULL path still holds o's lock as far as the analysis can tell (the release
    // callback that drops it is not followed): for a lock taken through a local, the caller's
    // NULL side reads the convention that a NULL result locked nothing.
    String local = """
        struct obj { struct mutex lock; int dead; };
        static DEFINE_MUTEX(big);
        struct obj *lookup(int id);
        void put_obj(struct obj *o, void (*release)(struct obj *o));
        void release_obj(struct obj *o);
        void before(struct obj *o) { mutex_lock(&big); mutex_lock(&o->lock); mutex_unlock(&o->lock); mutex_unlock(&big); }
        static struct obj *get_locked(int id)
        {
        	struct obj *o = lookup(id);

        	mutex_lock(&o->lock);
        	if (o->dead) {
        		put_obj(o, release_obj);
        		return NULL;
        	}
        	return o;
        }
        void user(int id)
        {
        	struct obj *o = get_locked(id);

        	if (!o) {
        		mutex_lock(&big);
        		mutex_unlock(&big);
        		return;
        	}
        	mutex_unlock(&o->lock);
        }
        """;
    assertEquals(List.of(), Snippets.findings(dir, local));
    // Taken through the caller's own object, the lock is not the NULL result's: it is held.
    String param = local.replace("static struct obj *get_locked(int id)\n{\n\tstruct obj *o = lookup(id);\n",
        "static struct obj *get_locked(struct obj *o)\n{\n").replace("get_locked(id)", "get_locked(lookup(id))");
    assertEquals(List.of("LO001 big -> obj.lock"), Snippets.findings(dir, param));
  }
}
