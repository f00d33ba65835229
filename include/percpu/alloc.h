/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * percpu/alloc.h - dynamic per-CPU memory, with Linux's names and contracts.
 * Included by <percpu.h>; do not include it alone.
 *
 *	unsigned long __percpu *hits = alloc_percpu(unsigned long);
 *	this_cpu_inc(*hits);                 (x86_64: one incq %gs:(%reg))
 *	for_each_possible_cpu(cpu) sum += *per_cpu_ptr(hits, cpu);
 *	free_percpu(hits);
 *
 * The memory is the dynamic reserve at the end of every CPU's area (see
 * percpu_area_stride in <percpu.h>): a block handed out at offset o from
 * the template start is at offset o in every area, so the result is a
 * real per-CPU pointer, with the same code as &var of a DEFINE_PER_CPU
 * variable. Every CPU's copy is zeroed when the block is handed out.
 *
 * Size. The reserve is chosen before the set-up: PERCPU_DYNAMIC_BYTES_DEFAULT
 * bytes, blocks aligned up to PERCPU_DYNAMIC_ALIGN_DEFAULT, unless
 * percpu_reserve_dynamic() says otherwise first (an alignment up to
 * PERCPU_PAGE_BYTES; a larger one makes every area as aligned). A kernel
 * whose linker script reserves the areas sets PERCPU_DYNAMIC_BYTES and
 * PERCPU_DYNAMIC_ALIGN in the script instead (linker/percpu.ld).
 *
 * Allocator. A request takes a block of 2^k units of PERCPU_ALLOC_UNIT
 * bytes, the least that holds both its size and its alignment, at an
 * offset in the reserve that is a multiple of the block's size (first
 * fit). Fragmentation is bounded: a block wastes less than half of itself,
 * and a request whose block is s bytes succeeds whenever the allocated
 * blocks, each counted as at least s bytes, add up to less than the
 * reserve rounded down to a multiple of s (a block smaller than s lies in
 * one s-aligned slot, a larger one covers whole slots, so a slot is left
 * free). The map, one byte
 * per unit, lives in the bookkeeping beside the areas (percpu_table_bytes).
 * It needs no C library and takes percpu_alloc_lock(), a weak spinlock a
 * kernel may replace, as the preemption hooks (for instance to disable
 * interrupts if it allocates in a handler).
 *
 * Errors corrupt nothing: __alloc_percpu returns NULL and free_percpu a
 * negative errno, and percpu_alloc_error() gives this CPU's last reason:
 *	-EINVAL  size 0, an alignment that is 0, not a power of two or above
 *	         the reserve's; free of a pointer no allocation returned, or
 *	         of one already freed;
 *	-ENOMEM  no free block large enough;
 *	-ENODEV  before the set-up, or a runtime without a reserve
 *	         (single-CPU mode).
 */
#ifndef PERCPU_ALLOC_H
#define PERCPU_ALLOC_H

#ifndef PERCPU_H
#error "include <percpu.h>, which includes percpu/alloc.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define PERCPU_ALLOC_UNIT 16
#define PERCPU_DYNAMIC_BYTES_DEFAULT 2048
#define PERCPU_DYNAMIC_ALIGN_DEFAULT 64
#define PERCPU_DYNAMIC_BYTES_MAX (16ul << 20)

/*
 * Before the set-up: the reserve's size (rounded up to PERCPU_ALLOC_UNIT;
 * 0 for none) and the largest alignment of its blocks (a power of two from
 * PERCPU_ALLOC_UNIT to PERCPU_PAGE_BYTES). 0, -EINVAL, or -EBUSY once the
 * set-up started. percpu_areas_bytes and the rest of the layout follow.
 */
int percpu_reserve_dynamic(__percpu_size_t bytes, __percpu_size_t align);
__percpu_size_t percpu_dynamic_bytes(void);

void __percpu *__alloc_percpu(__percpu_size_t size, __percpu_size_t align);
#define alloc_percpu(type)                                                      \
  ((__typeof__(type) __percpu *)__alloc_percpu(sizeof(type),                  \
                                               __alignof__(type)))
/* Kernel source compatibility: the allocation flags are ignored. */
#define __alloc_percpu_gfp(size, align, gfp) __alloc_percpu((size), (align))
#define alloc_percpu_gfp(type, gfp) alloc_percpu(type)

/* NULL is a no-op (0); a bad pointer is -EINVAL. */
int free_percpu(void __percpu *p);

/* This CPU's last allocator error (a negative errno), 0 if none. */
int percpu_alloc_error(void);

/* The allocator's lock: weak, a spinlock by default. */
void percpu_alloc_lock(void);
void percpu_alloc_unlock(void);

#ifdef __cplusplus
}
#endif

#endif
