package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockorder.frontend.c.Fixtures.clean;
import static org.lockorder.frontend.c.Fixtures.function;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.CType;
import org.lockorder.ir.Function;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.SourceText;

/** Typedef names flow from item to item and decide casts and declarations. */
class TypedefTrackingTest {

  @Test
  void typedefDeclaredEarlierMakesACast() {
    Function f = function(clean("""
        typedef struct inode my_inode;
        void f(void *p) { my_inode *i = (my_inode *)p; use((my_inode)x); }"""), "f");
    assertEquals(new CType("my_inode", 1, false), f.locals().get("i"));
    assertEquals(List.of("use"), Fixtures.callees(f.cfg()));
  }

  @Test
  void withoutTheTypedefAParenthesizedNameIsAnExpression() {
    Function f = function(clean("void f(void) { x = (a)(b); }"), "f");
    // (a)(b) is a call through 'a' here, not a cast
    assertEquals(List.of("a"), Fixtures.callees(f.cfg()));
  }

  @Test
  void extraTypeNamesAndBuiltInsAndSuffixT() {
    String code = "void f(void *p) { x = (hdr_type)p; y = (u32)p; z = (foo_t)p; k = min_t(int, 1, 2); }";
    TranslationUnit tu = new CFrontend(Set.of("hdr_type")).parse(new SourceText("t.c", code));
    assertEquals(List.of(), tu.diagnostics());
    assertEquals(List.of("min_t"), Fixtures.callees(tu.functions().get(0).cfg()));
  }

  @Test
  void variablesNamedLikeTypesStayVariables() {
    TranslationUnit tu = clean("""
        static int count_t;
        void f(struct damon_target *t, struct damon_target *next_t) { count_t = 1; g(count_t); }""");
    assertEquals(List.of("g"), Fixtures.callees(tu.functions().get(0).cfg()));
  }

  @Test
  void localsNamedLikeTypesAreVariablesThroughTheBody() {
    // 6.1 fs/nfsd/nfs4state.c, net/smc/smc_llc.c, net/openvswitch/meter.c
    TranslationUnit tu = clean("""
        void f(struct nfsd_net *nn, u64 bucket_t)
        {
        	copy_stateid_t *cps_t;
        	enum smc_lgr_type lgr_new_t = SMC_LGR_SYMMETRIC;
        	u32 band_max_delta_t;
        	int i;
        	idr_for_each_entry(&nn->s2s_cp_stateids, cps_t, i) {
        		put(cps_t);
        	}
        	if (lgr_new_t == SMC_LGR_ASYMMETRIC_LOCAL || bucket_t > 2)
        		set(lgr_new_t);
        	band_max_delta_t = div(bucket_t, 3);
        	if (band_max_delta_t > nn->max_delta_t)
        		nn->max_delta_t = band_max_delta_t;
        	g((copy_stateid_t *)nn, sizeof(copy_stateid_t));
        	{
        		typedef u32 local_id_t;
        		local_id_t id = (local_id_t)i;
        		h(id);
        	}
        }""");
    assertEquals(List.of("idr_for_each_entry", "put", "set", "div", "g", "h"), Fixtures.callees(tu.functions().get(0).cfg()));
    assertEquals(new CType("copy_stateid_t", 1, false), tu.functions().get(0).locals().get("cps_t"));
  }

  @Test
  void unknownTypeNamesInUnambiguousShapes() {
    TranslationUnit tu = clean("""
        static foo_type g1;
        static foo_type *g2 = NULL;
        static ret_type fn(arg_type a, arg_type *b) { foo_type x; foo_type y = 5, *z; return (foo_type *)a; }""");
    Function f = function(tu, "fn");
    assertEquals(new CType("ret_type", 0, false), f.returnType());
    assertEquals(new CType("arg_type", 1, false), f.params().get(1).type());
    assertEquals(new CType("foo_type", 0, false), f.locals().get("y"));
    assertEquals(new CType("foo_type", 1, false), f.locals().get("z"));
    assertEquals(new CType("foo_type", 1, false), tu.globals().get(1).type());
  }

  @Test
  void typedefOfFunctionPointerIsLearnedForLaterItems() {
    TranslationUnit tu = clean("""
        typedef void (*move_fn)(struct lruvec *lruvec, struct folio *folio);
        static void batch(struct folio *folio, move_fn move) { move(NULL, folio); }""");
    Function f = function(tu, "batch");
    assertEquals(new CType("move_fn", 0, false), f.params().get(1).type());
    assertTrue(Fixtures.callees(f.cfg()).contains("*move"));
  }
}
