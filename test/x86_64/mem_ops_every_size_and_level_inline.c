// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-asynchronous-unwind-tables -S -o %t.O2.s %s
// Verify that every memcpy, memmove, memset and volatile struct copy of 1 to 32 bytes of per-CPU memory compiles to inline %gs:-prefixed moves, with no call, whatever the backend's inline heuristics (-Os, -Oz, cold functions, volatile copies, no SSE), instead of aborting with "cannot lower memory intrinsic in address space 256"; and that 33 bytes go to this CPU's copy as an ordinary address (template plus %gs:__percpu_self_offset).
// RUN: awk -f %S/Inputs/segment_functions.awk %t.O2.s | FileCheck %s --check-prefix=SMALL --implicit-check-not=calls --implicit-check-not=no
// RUN: %percpu_clang --target=x86_64-linux-gnu -Os -fno-asynchronous-unwind-tables -S -o %t.Os.s %s
// RUN: awk -f %S/Inputs/segment_functions.awk %t.Os.s | FileCheck %s --check-prefix=SMALL --implicit-check-not=calls --implicit-check-not=no
// RUN: %percpu_clang --target=x86_64-linux-gnu -Oz -fno-asynchronous-unwind-tables -S -o %t.Oz.s %s
// RUN: awk -f %S/Inputs/segment_functions.awk %t.Oz.s | FileCheck %s --check-prefix=SMALL --implicit-check-not=calls --implicit-check-not=no
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -DATTR='__attribute__((cold))' -fno-asynchronous-unwind-tables -S -o %t.cold.s %s
// RUN: awk -f %S/Inputs/segment_functions.awk %t.cold.s | FileCheck %s --check-prefix=SMALL --implicit-check-not=calls --implicit-check-not=no
// RUN: %percpu_clang --target=x86_64-linux-gnu -Oz -mno-sse -mno-red-zone -fno-asynchronous-unwind-tables -S -o %t.nosse.s %s
// RUN: awk -f %S/Inputs/segment_functions.awk %t.nosse.s | FileCheck %s --check-prefix=SMALL --implicit-check-not=calls --implicit-check-not=no
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fno-asynchronous-unwind-tables -S -o %t.O0.s %s
// RUN: awk -f %S/Inputs/segment_functions.awk %t.O0.s | FileCheck %s --check-prefix=SMALL --implicit-check-not=calls --implicit-check-not=no
// RUN: %percpu_clang --target=x86_64-linux-gnu -Oz -DBIG -DATTR='__attribute__((cold))' -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=BIG --implicit-check-not=%gs:buf --implicit-check-not=%gs:st33

#include <percpu.h>
#include <string.h>

#ifndef ATTR
#define ATTR
#endif

DEFINE_PER_CPU(unsigned char, buf[80]);

// Per size: copy in and out, move within, fill, and struct copies from and
// to volatile memory (volatile memcpy).
#define OPS(N)                                                                 \
  struct s##N {                                                                \
    unsigned char c[N];                                                        \
  };                                                                           \
  DEFINE_PER_CPU(struct s##N, st##N);                                          \
  ATTR void copy_in_##N(const void *p) { memcpy(buf + 3, p, N); }              \
  ATTR void copy_out_##N(void *p) { memcpy(p, buf, N); }                       \
  ATTR void move_up_##N(void) { memmove(buf + 1, buf, N); }                    \
  ATTR void move_down_##N(void) { memmove(buf, buf + 5, N); }                  \
  ATTR void fill_##N(int c) { memset(buf + 1, c, N); }                         \
  ATTR void zero_##N(void) { memset(buf, 0, N); }                              \
  ATTR void vol_in_##N(volatile struct s##N *p) { st##N = *p; }                \
  ATTR void vol_out_##N(volatile struct s##N *p) { *p = st##N; }

#ifndef BIG
#define OPS4(A, B, C, D) OPS(A) OPS(B) OPS(C) OPS(D)
OPS4(1, 2, 3, 4) OPS4(5, 6, 7, 8) OPS4(9, 10, 11, 12) OPS4(13, 14, 15, 16)
OPS4(17, 18, 19, 20) OPS4(21, 22, 23, 24) OPS4(25, 26, 27, 28)
OPS4(29, 30, 31, 32)
// SMALL: {{^}}256 functions
#else
OPS(33)
// Longer: on this CPU's copy, the template plus %gs:__percpu_self_offset,
// inline or by a call as the backend likes.
// BIG-LABEL: {{^}}copy_in_33:
// BIG: %gs:__percpu_self_offset(%rip)
// BIG-LABEL: {{^}}move_up_33:
// BIG: %gs:__percpu_self_offset(%rip)
// BIG-LABEL: {{^}}fill_33:
// BIG: %gs:__percpu_self_offset(%rip)
// BIG-LABEL: {{^}}vol_in_33:
// BIG: %gs:__percpu_self_offset(%rip)
#endif
// SPDX-License-Identifier: BSD-2-Clause
