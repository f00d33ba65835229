/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The dynamic allocator's lock (percpu/alloc.h): weak, so that a kernel's
 * strong definitions win, as with the preemption hooks. The default is a
 * test-and-set spinlock, which needs neither a C library nor a scheduler.
 */
#include <percpu.h>

static _Bool alloc_lock;

__attribute__((weak)) void percpu_alloc_lock(void) {
  while (__atomic_test_and_set(&alloc_lock, __ATOMIC_ACQUIRE))
    ;
}

__attribute__((weak)) void percpu_alloc_unlock(void) {
  __atomic_clear(&alloc_lock, __ATOMIC_RELEASE);
}
