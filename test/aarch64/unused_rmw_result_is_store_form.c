// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -fno-asynchronous-unwind-tables -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=LSE
// RUN: %percpu_clang --target=aarch64-linux-gnu -march=armv8-a -mno-outline-atomics -ffreestanding -fno-asynchronous-unwind-tables -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=LLSC
// Verify that on aarch64 with LSE a this_cpu_* read-modify-write whose old value is unused is the store form (stadd, stset, stclr of the complement), which needs no result register, as Linux writes it; that one whose old value is used stays ldadd; and that without LSE it stays the backend's ldxr/stxr loop.
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
DEFINE_PER_CPU(unsigned char, b);

// LSE-LABEL: add:
// LSE: add [[P:x[0-9]+]], x{{[0-9]+}}, x{{[0-9]+}}
// LSE-NEXT: stadd x0, [[[P]]]
// LSE-NEXT: ret
// LLSC-LABEL: add:
// LLSC: ldxr
// LLSC: stxr
// LLSC-NOT: stadd
void add(unsigned long x) { this_cpu_add(v, x); }

// LSE-LABEL: sub_byte:
// LSE: neg [[N:w[0-9]+]], w0
// LSE: staddb [[N]], [x{{[0-9]+}}]
void sub_byte(unsigned char x) { this_cpu_sub(b, x); }

// LSE-LABEL: bits:
// LSE: stset x0, [[[P:x[0-9]+]]]
// LSE: mvn [[M:x[0-9]+]], x0
// LSE: stclr [[M]], [[[P]]]
void bits(unsigned long x) {
  this_cpu_or(v, x);
  this_cpu_and(v, x);
}

// LSE-LABEL: add_return:
// LSE: ldadd x0, [[OLD:x[0-9]+]], [x{{[0-9]+}}]
// LSE-NOT: stadd
// LSE: ret
unsigned long add_return(unsigned long x) { return this_cpu_add_return(v, x); }
// SPDX-License-Identifier: BSD-2-Clause
