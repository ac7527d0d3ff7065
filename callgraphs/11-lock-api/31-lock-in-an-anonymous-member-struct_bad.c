/*
 * A lock inside an anonymous struct that types a member (6.1 i915:
 * struct drm_i915_gem_object { ... struct { spinlock_t lock; ... } vma; }).
 * The class is named after the member, drm_i915_gem_object.vma.lock, the way
 * '&obj->vma.lock' reads; another struct's anonymous 'vma' is another class.
 * Before, such a struct was named by its line and column alone
 * ('__anon_245_2'), which said nothing and could be shared with another
 * file's anonymous struct at the same place. A flattened anonymous union
 * passes its owner's name on to the structs inside it. An anonymous struct
 * that types a file-scope variable is named after the variable (6.1 jfs's
 * 'static struct { ... spinlock_t LazyLock; ... } TxAnchor;'), as lockdep
 * names the lock: TxAnchor.LazyLock.
 */

typedef struct spinlock { int x; } spinlock_t;
struct mutex { int x; };

struct drm_i915_gem_object {
	int flags;
	struct {
		spinlock_t lock;
		int count;
	} vma;
	union {
		struct {
			struct mutex lock;
		} mm;
		long pad;
	};
};

struct i915_gem_context {
	struct {
		spinlock_t lock;
	} vma;
	struct {
		struct mutex lock;
	} ref;
};

void obj_then_ctx(struct drm_i915_gem_object *obj, struct i915_gem_context *ctx)
{
	mutex_lock(&obj->mm.lock);
	spin_lock(&obj->vma.lock);
	spin_lock(&ctx->vma.lock);
	spin_unlock(&ctx->vma.lock);
	spin_unlock(&obj->vma.lock);
	mutex_unlock(&obj->mm.lock);
}

void ctx_then_obj(struct drm_i915_gem_object *obj, struct i915_gem_context *ctx)
{
	spin_lock(&ctx->vma.lock);
	spin_lock(&obj->vma.lock); /* expect LO001: drm_i915_gem_object.vma.lock -> i915_gem_context.vma.lock [confirmed] */
	spin_unlock(&obj->vma.lock);
	spin_unlock(&ctx->vma.lock);
}

void ctx_ref_then_mm(struct drm_i915_gem_object *obj, struct i915_gem_context *ctx)
{
	mutex_lock(&ctx->ref.lock);
	mutex_lock(&obj->mm.lock); /* expect LO001: drm_i915_gem_object.mm.lock -> i915_gem_context.ref.lock [confirmed] */
	mutex_unlock(&obj->mm.lock);
	mutex_unlock(&ctx->ref.lock);
}

void mm_then_ctx_ref(struct drm_i915_gem_object *obj, struct i915_gem_context *ctx)
{
	mutex_lock(&obj->mm.lock);
	mutex_lock(&ctx->ref.lock);
	mutex_unlock(&ctx->ref.lock);
	mutex_unlock(&obj->mm.lock);
}

static struct {
	int freetid;
	spinlock_t LazyLock;
} TxAnchor;

void lazy_then_ctx(struct i915_gem_context *ctx)
{
	spin_lock(&TxAnchor.LazyLock);
	spin_lock(&ctx->vma.lock);
	spin_unlock(&ctx->vma.lock);
	spin_unlock(&TxAnchor.LazyLock);
}

void ctx_then_lazy(struct i915_gem_context *ctx)
{
	spin_lock(&ctx->vma.lock);
	spin_lock(&TxAnchor.LazyLock); /* expect LO001: TxAnchor.LazyLock -> i915_gem_context.vma.lock [confirmed] */
	spin_unlock(&TxAnchor.LazyLock);
	spin_unlock(&ctx->vma.lock);
}
