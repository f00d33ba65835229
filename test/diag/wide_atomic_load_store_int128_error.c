// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -g -Wno-atomic-alignment -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error:
// Verify that this_cpu_read/this_cpu_write on a per-CPU __int128 (a 16-byte atomic load or store) is the same error as a 16-byte read-modify-write, saying to use a 1, 2, 4 or 8-byte type: without cmpxchg16b the backend would otherwise call __atomic_load_16/__atomic_store_16 on the template's address (no %gs:, every CPU sharing one copy), and with -mcx16 emit "lock cmpxchg16b".
// UNSUPPORTED: llvm-16
// (clang 16 makes these libatomic calls itself: wide_atomic_int128_libcall_llvm16.c.)
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -g -mcx16 -Wno-atomic-alignment -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error:
// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -Wno-atomic-alignment -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error:

#include <percpu.h>

DEFINE_PER_CPU(__int128, wide);

// G: {{.*}}wide_atomic_load_store_int128_error.c:[[@LINE+2]]:35: error: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target; use a naturally aligned 1, 2, 4 or 8-byte type
// NOG: {{.*}}wide_atomic_load_store_int128_error.c:[[@LINE+1]]:10: error: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target; use a naturally aligned 1, 2, 4 or 8-byte type
__int128 read_wide(void) { return this_cpu_read(wide); }

// G: {{.*}}wide_atomic_load_store_int128_error.c:[[@LINE+2]]:31: error: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target; use a naturally aligned 1, 2, 4 or 8-byte type
// NOG: {{.*}}wide_atomic_load_store_int128_error.c:[[@LINE+1]]:6: error: an atomic operation on 16 bytes of per-CPU memory has no single instruction on this target; use a naturally aligned 1, 2, 4 or 8-byte type
void write_wide(__int128 v) { this_cpu_write(wide, v); }

// G: 2 errors generated.
// NOG: 2 errors generated.
// SPDX-License-Identifier: BSD-2-Clause
