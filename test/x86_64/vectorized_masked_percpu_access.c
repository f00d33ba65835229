// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -mavx2 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --check-prefix=AVX2 --implicit-check-not=error:
// Verify that plain C loops over a per-CPU array that the loop vectorizer turns into masked loads (AVX2, AVX-512) and gathers (AVX-512) compile and read this CPU's copy, through a %gs:-prefixed vector access or through the template address plus %gs:__percpu_self_offset, instead of being rejected as "this operation on per-CPU memory cannot be lowered".
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -mavx512f -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s 2>&1 | FileCheck %s --check-prefix=AVX512 --implicit-check-not=error:

#include <percpu.h>

DEFINE_PER_CPU(int, arr[1024]);

// AVX2-LABEL: {{^}}cond_load:
// AVX2: {{vpmaskmovd %gs:|%gs:__percpu_self_offset\(%rip\)}}
// AVX2: retq
// AVX512-LABEL: {{^}}cond_load:
// AVX512: {{(vpmaskmovd|vmovdqu32|vmovdqa32|vpaddd) %gs:|%gs:__percpu_self_offset\(%rip\)}}
// AVX512: retq
int cond_load(const int *c, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    if (c[i])
      s += arr[i];
  return s;
}

// AVX2-LABEL: {{^}}gather:
// AVX2: %gs:
// AVX2: retq
// AVX512-LABEL: {{^}}gather:
// AVX512: {{vpgatherdd %gs:|vpgatherqd %gs:|%gs:__percpu_self_offset\(%rip\)}}
// AVX512: retq
int gather(const int *idx, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += arr[idx[i]];
  return s;
}
// SPDX-License-Identifier: BSD-2-Clause
