// Declarations: structs, unions, enums, bitfields, typedefs, function pointers, initializers.
#include <linux/fs.h>
#include <linux/mutex.h>

struct inode;

typedef struct page_cache {
	spinlock_t lock;
	unsigned long nrpages;
} page_cache_t;

typedef struct {
	struct mutex m;
	int count;
} bar_t;

typedef unsigned int __bitwise my_flags_t;
typedef int (*filler_fn)(void *, struct page *);
typedef struct foo foo_t;

struct address_space {
	struct inode		*host;
	spinlock_t		private_lock;
	struct list_head	private_list;
	unsigned int		flags : 3;
	unsigned int		: 0;
	unsigned int		writeback : 1, dirty : 1;
	union {
		struct rw_semaphore	i_mmap_rwsem;
		void *private_data;
	};
	struct {
		int a, b;
	} nested;
	const struct address_space_operations *a_ops;
	void (*release)(struct address_space *);
	int (*handlers[4])(int, void *);
	atomic_t __rcu *refs;
	char name[32] __aligned(8);
	DECLARE_BITMAP(bits, 64);
} __randomize_layout;

enum lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
	I_MUTEX_CHILD = 5,
	I_MUTEX_XATTR,
	I_MUTEX_MASK = (1 << 3) - 1,
	I_MUTEX_ALL = I_MUTEX_MASK | 0x10,
};

enum { ANON_A = 2, ANON_B };

static DEFINE_MUTEX(global_lock);
static DEFINE_SPINLOCK(list_lock);
DECLARE_RWSEM(sb_sem);
static LIST_HEAD(all_list);
static DEFINE_PER_CPU(struct pagevec, lru_pvecs);
struct mutex plain_lock;
static struct mutex a_lock, b_lock;
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t forks[5];
static int counters[3] __read_mostly = { 1, 2, 3 };
static unsigned long __initdata boot_flags;
extern int sysctl_x;
foo_type unknown_global;
foo_type *unknown_ptr = NULL;

static const struct file_operations ext4_file_operations = {
	.llseek		= ext4_llseek,
	.read_iter	= ext4_file_read_iter,
	.write_iter	= ext4_file_write_iter,
	.mmap		= ext4_file_mmap,
	.open		= &ext4_file_open,
	.fsync		= ext4_sync_file,
	.flags		= FOP_BUFFER_RASYNC,
	.ops.inner.fn	= inner_fn,
	.sub		= { .fn = sub_fn, .count = 3 },
	.arr[2]		= arr_fn,
};

static const struct vm_operations_struct vm_ops_table[] = {
	{ .fault = filemap_fault, .page_mkwrite = ext4_page_mkwrite },
	[1] = { .fault = other_fault },
};

static const char *names[] = { [I_MUTEX_NORMAL] = "normal", [1 ... 2] = "x" };
static struct old_style old = { fault: old_fault, };

void (*get_handler(int which))(int);
void (*handler_table[8])(int);
int __must_check down_killable(struct semaphore *sem) __acquires(sem);
extern void lock_two(struct inode *a, struct inode *b)
	__acquires(&a->i_rwsem) __acquires(&b->i_rwsem);
static inline int __attribute__((always_inline)) helper(int x, ...);
asmlinkage long sys_foo(unsigned int fd, const char __user *buf, size_t count);
int printk(const char *fmt, ...) __printf(1, 2) __cold;
static void old_proto();
unsigned long long big;
long double ld;
signed char sc;
_Static_assert(sizeof(int) == 4, "int");
static_assert(sizeof(long) == 8);
typeof(int) typed_int;
__typeof__(big) typed_big;
EXPORT_SYMBOL(ext4_file_operations);
EXPORT_SYMBOL_GPL(helper);
module_init(init_foo);
module_exit(exit_foo)
MODULE_LICENSE("GPL");
asm(".section .text");
struct kmem_cache *cachep __ro_after_init;
static int __init init_foo(void) { return 0; }
static void __exit exit_foo(void) { }
static int parenthesized_param_name(spinlock_t *lock, void (fn)(struct buffer_chunk *));
