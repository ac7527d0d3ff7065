// GNU extensions and unknown macros in expression position.
#include <linux/compiler.h>
#if 0
this is not C at all {{{
#elif 0
neither is this (((
#endif

#define container_of(ptr, type, member) ({ \
	void *__mptr = (void *)(ptr); \
	((type *)(__mptr - offsetof(type, member))); })

static __always_inline unsigned long __attribute__((pure)) gnu_things(struct page *page)
{
	unsigned long x = ({ int __t = 5; __t + 1; });
	typeof(page) p2 = page;
	__typeof__(*page) copy;
	struct inode *inode = container_of(page->mapping, struct inode, i_data);
	struct foo_info *fi = list_first_entry(&head, struct foo_info, list);
	size_t off = __builtin_offsetof(struct page, lru);
	size_t off2 = offsetof(struct page, mapping.host);
	int same = __builtin_types_compatible_p(typeof(x), unsigned long);
	struct point pt = (struct point){ .x = 1, .y = 2 };
	const struct cred *cred = (const struct cred *)current->cred;
	struct weird *w = (weird_type *)page->private;
	unsigned int sz = sizeof(struct page) + sizeof page->flags + sizeof(*page);
	int al = __alignof__(struct page);
	u64 v = (u64)x << 32;
	__extension__ unsigned long long ull = 0ULL;
	void *lbl = &&done;
	int y = x ?: 5;
	int z = x > 2 ? 1 : 0;
	char c = '\n';
	const char *s = "abc" "def";
	int hex = 0x1fUL, oct = 0777, bin = 0b101;
	float f = 1.5e3f;

	if (likely(x) && unlikely(!p2))
		x = __builtin_expect(x, 1);
	if (__builtin_constant_p(x))
		x++;
	asm volatile("mfence" ::: "memory");
	__asm__ __volatile__("lock; addl %1,%0" : "+m" (v) : "ir" (x));
	asm goto("jmp %l[done]" :::: done);
	READ_ONCE(page->flags);
	WRITE_ONCE(page->flags, 0);
	rcu_assign_pointer(page->mapping, NULL);
	x = (unsigned long)va_arg_helper(__builtin_va_arg(ap, int));
	x = sizeof(int[4]);
	x = (int (*)(void))0 != 0;
done:
	return x + off + off2 + same + sz + al + y + z + c + hex + oct + bin;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	return ksys_write(fd, buf, count);
}

COMPAT_SYSCALL_DEFINE2(foo, int, a, compat_uptr_t, b)
{
	return 0;
}

static int unknown_types(void)
{
	foo_type x;
	foo_type y = 5, *z;
	static foo_type w;
	return x + y;
}

static unknown_ret_type fn_with_unknown_return(int a)
{
	return a;
}

static void annotated(struct inode *inode)
	__releases(&inode->i_lock)
	__must_hold(&inode->i_rwsem)
{
	spin_unlock(&inode->i_lock);
}

#ifdef CONFIG_FOO
static int config_branch(void) { return 1; }
#else
static int config_else_branch(void) { return 2 }}}
#endif

#if 1
static int if_one(void) { return 1; }
#else
broken((((
#endif

#ifndef CONFIG_BAR
# if defined(X) && Y > 2
static int nested_taken(void) { return 3; }
# elif 1
nope(((
# endif
#elif 0
gone
#else
also gone
#endif

EXPORT_FOR_TESTS
int attribute_macro_before_type(struct inode *inode)
{
	ASSERTCMP(inode->i_ino, ==, 0);
	ASSERTCMP(inode->i_size, >=, 1);
	pr_err("a" PTR_FMT "b" CSUM_FMT, 1);
	printk(KERN_ERR "x %s\n", "y");
	printk(KERN_ERR PFX "x %s\n", "y");	/* PFX: a driver's prefix string macro */
	return 0;
}

static __net_init int net_init_fn(struct net *net)
{
	return 0;
}
