// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -Wno-atomic-alignment -S %s -o - | FileCheck %s
// Verify that on LLVM 16, whose clang turns 16-byte atomics on a per-CPU __int128 into libatomic calls before the pass runs (LLVM 19 and later leave 16-byte atomic instructions, an error: wide_atomic_rmw_int128_error.c), each call gets this CPU's copy (template address plus %gs:__percpu_self_offset), never the template.
// REQUIRES: llvm-16

#include <percpu.h>

DEFINE_PER_CPU(__int128, wide);

// CHECK-LABEL: fetch_add:
// CHECK:       leaq wide(%rip), %rdi
// CHECK-NEXT:  addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK:       __atomic_fetch_add_16
__int128 fetch_add(__int128 n) { return __atomic_fetch_add(&wide, n, __ATOMIC_RELAXED); }

// CHECK-LABEL: read_wide:
// CHECK:       leaq wide(%rip), %[[R:[a-z0-9]+]]
// CHECK-NEXT:  addq %gs:__percpu_self_offset(%rip), %[[R]]
// CHECK:       __atomic_load
__int128 read_wide(void) { return this_cpu_read(wide); }

// CHECK-LABEL: write_wide:
// CHECK:       leaq wide(%rip), %[[W:[a-z0-9]+]]
// CHECK-NEXT:  addq %gs:__percpu_self_offset(%rip), %[[W]]
// CHECK:       __atomic_store
void write_wide(__int128 v) { this_cpu_write(wide, v); }

// CHECK-LABEL: cmpxchg:
// CHECK:       leaq wide(%rip), %[[C:[a-z0-9]+]]
// CHECK-NEXT:  addq %gs:__percpu_self_offset(%rip), %[[C]]
// CHECK:       __atomic_compare_exchange
__int128 cmpxchg(__int128 o, __int128 n) { return this_cpu_cmpxchg(wide, o, n); }

// CHECK-NOT: wide@GOT
// SPDX-License-Identifier: BSD-2-Clause
