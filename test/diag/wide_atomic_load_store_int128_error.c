// RUN: not %percpu_cc --target=x86_64-linux-gnu -O0 -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// Verify that this_cpu_read/this_cpu_write on a per-CPU __int128 (a 16-byte atomic load or store) is the same error as a 16-byte read-modify-write, with the advice to use a 1, 2, 4 or 8-byte type as a note, at the operation's line and column at -O0, -O2 and -O2 -g: without cmpxchg16b the backend would otherwise call __atomic_load_16/__atomic_store_16 on the template's address (no %gs:, every CPU sharing one copy), and with -mcx16 emit "lock cmpxchg16b".
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -mcx16 -Wno-atomic-alignment -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:

#include <percpu.h>

DEFINE_PER_CPU(__int128, wide);

// CHECK: wide_atomic_load_store_int128_error.c:[[@LINE+2]]:35: error: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target{{$}}
// CHECK-NEXT: note: use a naturally aligned 1, 2, 4 or 8-byte type{{$}}
__int128 read_wide(void) { return this_cpu_read(wide); }

// CHECK: wide_atomic_load_store_int128_error.c:[[@LINE+2]]:31: error: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target{{$}}
// CHECK-NEXT: note: use a naturally aligned 1, 2, 4 or 8-byte type{{$}}
void write_wide(__int128 v) { this_cpu_write(wide, v); }
// SPDX-License-Identifier: BSD-2-Clause
