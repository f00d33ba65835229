// RUN: not %percpu_cc --target=x86_64-linux-gnu -O0 -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// Verify that a 16-byte read-modify-write on a per-CPU __int128 (__atomic_fetch_add, this_cpu_add, this_cpu_xchg) is an error saying that the target has no single instruction for it, with the advice to use a 1, 2, 4 or 8-byte type as a note, with or without cmpxchg16b, for every such operation, at the operation's line and column at -O0, -O2 and -O2 -g. A 16-byte this_cpu_cmpxchg is accepted: it is one cmpxchg16b.
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -mcx16 -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:

#include <percpu.h>

DEFINE_PER_CPU(__int128, wide);

__int128 fetch_add(__int128 n) {
  // CHECK: wide_atomic_rmw_int128_error.c:[[@LINE+2]]:10: error: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target{{$}}
  // CHECK-NEXT: note: use a naturally aligned 1, 2, 4 or 8-byte type{{$}}
  return __atomic_fetch_add(&wide, n, __ATOMIC_RELAXED);
}

// CHECK: wide_atomic_rmw_int128_error.c:[[@LINE+2]]:24: error: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target{{$}}
// CHECK-NEXT: note: use a naturally aligned 1, 2, 4 or 8-byte type{{$}}
void add(__int128 n) { this_cpu_add(wide, n); }

// CHECK: wide_atomic_rmw_int128_error.c:[[@LINE+2]]:36: error: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target{{$}}
// CHECK-NEXT: note: use a naturally aligned 1, 2, 4 or 8-byte type{{$}}
__int128 xchg(__int128 n) { return this_cpu_xchg(wide, n); }

// A 16-byte compare-and-exchange is one instruction (cmpxchg16b): no error.
__int128 cmpxchg(__int128 o, __int128 n) { return this_cpu_cmpxchg(wide, o, n); }

// Plain (non-atomic) 16-byte accesses are fine.
__int128 plain_read(void) { return wide; }
void plain_write(__int128 v) { wide = v; }
// SPDX-License-Identifier: BSD-2-Clause
