/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The dynamic allocator's lock (percpu/alloc.h): weak, so that a kernel's
 * strong definitions win, as with the preemption hooks. The default is a
 * test-and-set spinlock, which needs neither a C library nor a scheduler.
 */
#include <stdatomic.h>

#include <percpu.h>

static atomic_flag alloc_lock = ATOMIC_FLAG_INIT;

__attribute__((weak)) void percpu_alloc_lock(void) {
  while (atomic_flag_test_and_set_explicit(&alloc_lock, memory_order_acquire))
    ;
}

__attribute__((weak)) void percpu_alloc_unlock(void) {
  atomic_flag_clear_explicit(&alloc_lock, memory_order_release);
}
