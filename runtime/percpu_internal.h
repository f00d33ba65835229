/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Declarations shared by the runtime's files. The architecture header comes
 * first; anything it leaves undefined gets the generic default below.
 *
 * An architecture header provides
 *	uintptr_t percpu_arch_read_reg(void);
 *	int percpu_arch_write_reg(uintptr_t value);   0 or a negative errno
 * and PERCPU_ARCH_DEFAULT_REGISTER (a bare name: gs, tpidr_el1, ...), and
 * may define PERCPU_ARCH_AREA_ALIGN (the least alignment of an area) and
 * PERCPU_ARCH_COPY_BYTES, with percpu_arch_copy and percpu_arch_zero for
 * the set-up's copies and fills (bytes.h).
 * percpu_arch_write_reg must be a compiler barrier ("memory" clobber): no
 * per-CPU access may move across the change of base. The header may use
 * PERCPU__REGISTER (the register to use, a bare name) and
 * PERCPU__STRING(PERCPU__REGISTER) (the same as a string literal).
 *
 * Hosted and freestanding: the runtime needs no C library, and no header
 * but its own. Built with -ffreestanding -nostdinc (every target but
 * x86_64 Linux user space), it takes its integer types from the compiler's
 * predefined macros and the errno values below, and copies the template
 * with its own loops or the architecture's instructions (bytes.h). The
 * compiler may still emit calls to memcpy and memset (for instance for
 * aggregate copies); a freestanding environment must provide them, as
 * kernels do. Only the hosted files that call the C library include its
 * headers: images.c and x86_64_hwcap.c.
 */
#ifndef PERCPU_INTERNAL_H
#define PERCPU_INTERNAL_H

#include <percpu/types.h>

/* The same types as <stddef.h>'s and <stdint.h>'s (a C11 typedef may be
 * repeated, so a hosted file may include those too). */
typedef __percpu_size_t size_t;
typedef __percpu_uintptr_t uintptr_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
#define PERCPU__INT_MAX __INT_MAX__
#ifndef NULL
#define NULL ((void *)0)
#endif

/*
 * The base register: -DPERCPU_REGISTER=<name>, else the arch's default.
 * The pass checks the name against include/percpu/abi.h's table when it
 * compiles area.c.
 */
#ifdef PERCPU_REGISTER
#define PERCPU__REGISTER PERCPU_REGISTER
#else
#define PERCPU__REGISTER PERCPU_ARCH_DEFAULT_REGISTER
#endif

#define PERCPU__STRING_(x) #x
#define PERCPU__STRING(x) PERCPU__STRING_(x)
#define PERCPU__PASTE_(a, b) a##b
#define PERCPU__PASTE(a, b) PERCPU__PASTE_(a, b)

#if defined(__x86_64__)
#include "arch/x86_64.h"
#elif defined(__aarch64__)
#include "arch/aarch64.h"
#elif defined(__riscv) && (__riscv_xlen == 64 || __riscv_xlen == 32)
#include "arch/riscv.h"
#elif defined(__loongarch__) && __loongarch_grlen == 64
#include "arch/loongarch64.h"
#else
#error "percpu runtime: no runtime/arch header for this architecture"
#endif

#ifndef PERCPU_ARCH_AREA_ALIGN
#define PERCPU_ARCH_AREA_ALIGN 64
#endif

/*
 * Error numbers, returned negated: Linux's values, the same on every
 * architecture here (asm-generic/errno-base.h; ENOTSUP is EOPNOTSUPP), so
 * no <errno.h> is needed; the hosted images.c checks them against the C
 * library's. PERCPU__EPERM is for the arch headers.
 */
#define PERCPU__EPERM 1
#define PERCPU__ENOMEM 12
#define PERCPU__EBUSY 16
#define PERCPU__ENODEV 19
#define PERCPU__EINVAL 22
#define PERCPU__ENOSPC 28
#define PERCPU__ENOTSUP 95

#define PERCPU__HIDDEN __attribute__((visibility("hidden")))

/*
 * The runtime's own variables that the set-up reads or writes, kept
 * together (one section, so one or two cache lines) so that percpu_init
 * costs the copy of the template and few cache misses more.
 */
#define PERCPU__STATE __attribute__((section(".data.percpu_runtime")))

/*
 * For the set-up's branches on data it loads cold (the runtime's state, the
 * dynamic linker's list): the path expected falls through, which is what a
 * CPU predicts for a branch it has never seen, so that what it runs while
 * those loads are in flight is not thrown away when they arrive.
 */
#define PERCPU__LIKELY(x) __builtin_expect(!!(x), 1)
#define PERCPU__UNLIKELY(x) __builtin_expect(!!(x), 0)

/*
 * Defined by the linker for the sections the pass fills: the template, and
 * one uint32_t alignment record per translation unit with per-CPU variables.
 * The runtime's own __percpu_self_offset keeps both sections non-empty.
 */
extern char __start_percpu[] PERCPU__HIDDEN;
extern char __stop_percpu[] PERCPU__HIDDEN;
extern const uint32_t __start_percpu_align[] PERCPU__HIDDEN;
extern const uint32_t __stop_percpu_align[] PERCPU__HIDDEN;

/*
 * The bookkeeping that percpu_table_bytes() sizes, in the storage the
 * set-up is given: the offset table that __percpu_remote_layout points to,
 * after a header that holds the number of CPUs (percpu.h's __percpu_count:
 * the 4 bytes before the entries, on AArch64 before offsets[-1], which
 * per_cpu reads for a CPU number past the table's capacity), then the
 * dynamic allocator's map, one byte per PERCPU_ALLOC_UNIT of the reserve.
 * The linker fragments size it with the absolute symbol
 * __percpu_table_header_bytes (layout.c).
 */
struct percpu__table {
  uint32_t reserved;
  uint32_t num; /* __percpu_count(offsets) */
#if defined(__aarch64__)
  uintptr_t below; /* offsets[-1]: PERCPU_OFFSET_OFFLINE */
#define PERCPU__TABLE_HEADER_BYTES 16
#else
#define PERCPU__TABLE_HEADER_BYTES 8
#endif
};
_Static_assert(sizeof(struct percpu__table) == PERCPU__TABLE_HEADER_BYTES,
               "the linker fragments' header size");
/* percpu.h's __percpu_count reads num 4 bytes (AArch64: 12) before the
 * entries. */
_Static_assert(sizeof(struct percpu__table) -
                       __builtin_offsetof(struct percpu__table, num) ==
                   PERCPU__TABLE_HEADER_BYTES - 4,
               "num where percpu.h's __percpu_count reads it");
/* A constant table's header with the count num. */
#if defined(__aarch64__)
#define PERCPU__TABLE_HEADER(num) {0, (num), PERCPU_OFFSET_OFFLINE}
#else
#define PERCPU__TABLE_HEADER(num) {0, (num)}
#endif
#define PERCPU__TABLE_ENTRIES(table)                                           \
  ((uintptr_t *)((char *)(table) + sizeof(struct percpu__table)))

/*
 * layout.c: the dynamic reserve, set before the set-up and frozen by it.
 * The set-up reads it inline (percpu__geometry, percpu__freeze_dynamic), so
 * that percpu_init makes no call but for the copies and the image check.
 */
struct percpu__reserve {
  size_t bytes, align;
  int frozen;
};
extern struct percpu__reserve percpu__reserve PERCPU__HIDDEN;
size_t percpu__dynamic_start(void) PERCPU__HIDDEN; /* offset in an area */
size_t percpu__dynamic_align(void) PERCPU__HIDDEN;
int percpu__set_dynamic(size_t bytes, size_t align) PERCPU__HIDDEN;

static inline void percpu__freeze_dynamic(void) {
  __atomic_store_n(&percpu__reserve.frozen, 1, __ATOMIC_RELEASE);
}

static inline size_t percpu__round_up(size_t n, size_t align) {
  return (n + align - 1) & ~(align - 1);
}

/*
 * An area's geometry, read once for a set-up: the public percpu_area_align,
 * _size and _stride are its fields, percpu_table_bytes and
 * percpu_areas_bytes the functions below on it (layout.c).
 */
struct percpu__geometry {
  size_t align, size, stride, dynamic_bytes;
};

static inline void percpu__geometry(struct percpu__geometry *g) {
  size_t align = PERCPU_ARCH_AREA_ALIGN;
  for (const uint32_t *r = __start_percpu_align; r != __stop_percpu_align; r++)
    if (*r > align)
      align = *r;
  size_t dyn_align = __atomic_load_n(&percpu__reserve.align, __ATOMIC_RELAXED);
  g->align = dyn_align > align ? dyn_align : align;
  g->size = (size_t)(__stop_percpu - __start_percpu);
  g->dynamic_bytes = __atomic_load_n(&percpu__reserve.bytes, __ATOMIC_RELAXED);
  /* Never 0, even for an empty template: distinct CPUs get distinct areas. */
  size_t end = percpu__round_up(g->size, dyn_align) + g->dynamic_bytes;
  g->stride = end ? percpu__round_up(end, g->align) : g->align;
}

/*
 * The offset table's capacity (PERCPU_MAX_CPUS, percpu.h): every table,
 * the one before the set-up too, has at least this many entries, and the
 * set-up takes no more CPUs. 0 where per_cpu checks a run-time count.
 */
#if defined(__aarch64__)
#define PERCPU__MAX_CPUS PERCPU_MAX_CPUS
#else
#define PERCPU__MAX_CPUS 0
#endif

/* The table's entries: ncpus and one past the last, or the capacity. */
static inline size_t percpu__table_entries(unsigned ncpus) {
  size_t n = (size_t)ncpus + 1;
  return n > PERCPU__MAX_CPUS ? n : PERCPU__MAX_CPUS;
}

/* The offset table (header and entries) and the allocator's map. */
static inline size_t percpu__table_bytes(const struct percpu__geometry *g,
                                         unsigned ncpus) {
  return percpu__round_up(sizeof(struct percpu__table) +
                              percpu__table_entries(ncpus) * sizeof(uintptr_t) +
                              g->dynamic_bytes / PERCPU_ALLOC_UNIT,
                          sizeof(uintptr_t));
}

/* Too many CPUs for the table's capacity. */
static inline int percpu__above_capacity(unsigned ncpus) {
  return PERCPU__MAX_CPUS && ncpus > PERCPU__MAX_CPUS;
}

/*
 * The areas, then the bookkeeping, rounded up to the areas' alignment (a
 * size aligned_alloc accepts). 0 when ncpus is 0, above the capacity, or
 * the sum does not fit.
 */
static inline size_t percpu__areas_bytes(const struct percpu__geometry *g,
                                         unsigned ncpus) {
  size_t bytes;
  if (!ncpus || percpu__above_capacity(ncpus) ||
      __builtin_mul_overflow((size_t)ncpus, g->stride, &bytes) ||
      __builtin_add_overflow(bytes,
                             percpu__table_bytes(g, ncpus) + g->align - 1,
                             &bytes))
    return 0;
  return bytes & ~(g->align - 1);
}

/*
 * area.c: the one set-up. areas[n] is CPU n's area or NULL (percpu_setup_cpu
 * brings it up later); src holds the template's bytes (the template itself,
 * or its load image for percpu_init_in_place). Returns ncpus or -errno.
 */
int percpu__setup(void *const *areas, void *contiguous, unsigned ncpus,
                  void *table, size_t table_bytes,
                  const void *src) PERCPU__HIDDEN;

/* area.c: where the set-up copied the template's bytes from, or NULL. */
const void *percpu__template_src(void) PERCPU__HIDDEN;

/* alloc.c: the allocator's map, in the table storage, zeroed by the set-up. */
extern unsigned char *percpu__alloc_map PERCPU__HIDDEN;
/* Zeroes every allocated block of one area (a CPU brought up late). */
void percpu__alloc_zero_area(char *area) PERCPU__HIDDEN;

#if __STDC_HOSTED__
/*
 * images.c: the check that no shared object has per-CPU data. Its verdict
 * at start-up is read inline, so that a set-up makes no call for it while
 * nothing was loaded since: last_next is the l_next field of the last
 * object loaded at start-up (NULL without _r_debug), which stays NULL
 * until dlopen appends one. percpu__recheck_images is the whole check:
 * 0, or -ENOTSUP after naming a shared object with per-CPU data.
 */
struct link_map;
struct percpu__images {
  struct link_map *const *last_next;
  const char *name; /* the first offending object at start-up, or NULL */
  int is_runtime;   /* it holds this runtime */
};
extern struct percpu__images percpu__images_at_start PERCPU__HIDDEN;
int percpu__recheck_images(void) PERCPU__HIDDEN;

static inline int percpu__check_images(void) {
  const struct percpu__images *s = &percpu__images_at_start;
  if (PERCPU__LIKELY(s->last_next && !s->name &&
                     !__atomic_load_n(s->last_next, __ATOMIC_ACQUIRE)))
    return 0;
  return percpu__recheck_images();
}
#endif

#endif
