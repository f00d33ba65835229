/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * alloc_percpu / free_percpu over the dynamic reserve of every area (the
 * contract and the fragmentation bound are in include/percpu/alloc.h).
 *
 * The map has one byte per PERCPU_ALLOC_UNIT of the reserve: MAP_FREE, or
 * the first unit of an allocated block of 2^order units (MAP_HEAD + order),
 * or one of its other units (MAP_TAIL). Only a head can be freed, so a
 * double free, a pointer into a block and one no allocation returned are
 * all refused before anything changes. Every map access and every zeroing
 * of the copies happens under percpu_alloc_lock(); percpu_setup_cpu takes
 * it too, so a CPU brought up late sees each block zeroed once.
 */
#include <percpu.h>

#include "bytes.h"
#include "percpu_internal.h"

#define MAP_FREE 0
#define MAP_TAIL 1
#define MAP_HEAD 2

/* Set by the set-up (area.c), which zeroes it; NULL before. */
unsigned char *percpu__alloc_map PERCPU__STATE;

/* This CPU's last error: each thread or CPU reads its own. */
static DEFINE_PER_CPU(int, alloc_error);

int percpu_alloc_error(void) { return this_cpu_read(alloc_error); }

static void __percpu *fail(int err) {
  this_cpu_write(alloc_error, err);
  return (void __percpu *)0;
}

static size_t units(void) { return percpu_dynamic_bytes() / PERCPU_ALLOC_UNIT; }

/* The least order whose block holds bytes. */
static unsigned order_for(size_t bytes) {
  unsigned order = 0;
  while (((size_t)PERCPU_ALLOC_UNIT << order) < bytes)
    order++;
  return order;
}

static uintptr_t block_offset(size_t unit) {
  return percpu__dynamic_start() + unit * PERCPU_ALLOC_UNIT;
}

/* A block reads zero, initialised for MSan too (bytes.h). */
static void zero_block(char *block, size_t bytes) {
  percpu__zero(block, bytes);
  percpu__initialised(block, bytes);
}

/* Zeroes the block at unit in every CPU's area. */
static void zero_everywhere(size_t unit, size_t bytes) {
  const uintptr_t *offsets = __percpu_remote_layout.offsets;
  unsigned n = percpu_area_num();
  for (unsigned cpu = 0; cpu < n; cpu++) {
    uintptr_t offset = __atomic_load_n(&offsets[cpu], __ATOMIC_RELAXED);
    if (offset != PERCPU_OFFSET_OFFLINE)
      zero_block((char *)((uintptr_t)__start_percpu + offset) +
                     block_offset(unit),
                 bytes);
  }
}

void __percpu *__alloc_percpu(size_t size, size_t align) {
  if (!size || !align || (align & (align - 1)) ||
      align > percpu__dynamic_align())
    return fail(-PERCPU__EINVAL);
  unsigned char *map = __atomic_load_n(&percpu__alloc_map, __ATOMIC_ACQUIRE);
  if (!map)
    return fail(-PERCPU__ENODEV);
  size_t total = units();
  if (size > total * PERCPU_ALLOC_UNIT)
    return fail(-PERCPU__ENOMEM);
  unsigned order = order_for(size > align ? size : align);
  size_t block = (size_t)1 << order;

  size_t found = total;
  percpu_alloc_lock();
  for (size_t at = 0; at + block <= total && found == total; at += block) {
    size_t i = 0;
    while (i < block && map[at + i] == MAP_FREE)
      i++;
    if (i == block)
      found = at;
  }
  if (found != total) {
    map[found] = (unsigned char)(MAP_HEAD + order);
    for (size_t i = 1; i < block; i++)
      map[found + i] = MAP_TAIL;
    zero_everywhere(found, block * PERCPU_ALLOC_UNIT);
  }
  percpu_alloc_unlock();
  if (found == total)
    return fail(-PERCPU__ENOMEM);
  return (void __percpu *)((uintptr_t)__start_percpu + block_offset(found));
}

int free_percpu(void __percpu *p) {
  if (!p)
    return 0;
  unsigned char *map = __atomic_load_n(&percpu__alloc_map, __ATOMIC_ACQUIRE);
  /* Wraps to a huge value for a pointer below the reserve. */
  uintptr_t at = (uintptr_t)p - (uintptr_t)__start_percpu -
                 percpu__dynamic_start();
  if (!map || at % PERCPU_ALLOC_UNIT || at / PERCPU_ALLOC_UNIT >= units()) {
    (void)fail(-PERCPU__EINVAL);
    return -PERCPU__EINVAL;
  }
  size_t unit = at / PERCPU_ALLOC_UNIT;
  int err = 0;
  percpu_alloc_lock();
  if (map[unit] < MAP_HEAD) {
    err = -PERCPU__EINVAL;
  } else {
    size_t block = (size_t)1 << (map[unit] - MAP_HEAD);
    for (size_t i = 0; i < block; i++)
      map[unit + i] = MAP_FREE;
  }
  percpu_alloc_unlock();
  if (err)
    (void)fail(err);
  return err;
}

void percpu__alloc_zero_area(char *area) {
  unsigned char *map = percpu__alloc_map;
  size_t total = units();
  for (size_t at = 0; map && at < total; at++)
    if (map[at] >= MAP_HEAD)
      zero_block(area + block_offset(at),
                 (size_t)PERCPU_ALLOC_UNIT << (map[at] - MAP_HEAD));
}
