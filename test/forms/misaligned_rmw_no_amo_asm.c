// RUN: %percpu_clang -w --target=aarch64-linux-gnu -march=armv8.1-a -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=A64
// RUN: %percpu_clang -w --target=loongarch64-linux-gnu -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=LA
// Verify that a relaxed read-modify-write of a misaligned per-CPU member (packed struct) is not the store-only AMO (aarch64 stadd, LoongArch amadd), which faults on a misaligned address, but libatomic's routine on this CPU's address (base register + template address), while a naturally aligned member keeps the AMO.
// SPDX-License-Identifier: BSD-2-Clause
#include <percpu.h>

struct __attribute__((packed)) rec {
  char tag;
  long misaligned;
  long aligned[2] __attribute__((aligned(8)));
};
DEFINE_PER_CPU(struct rec, r);

// A64-LABEL: {{^}}bump_misaligned:
// A64-NOT: stadd
// A64: mrs [[BASE:x[0-9]+]], TPIDR_EL1
// A64-NOT: stadd
// A64: bl __atomic_compare_exchange
// LA-LABEL: {{^}}bump_misaligned:
// LA-NOT: amadd
// LA: add.d ${{[a-z0-9]+}}, $r21,
// LA-NOT: amadd
// LA: {{(bl %plt\(|%call36\()}}__atomic_compare_exchange
void bump_misaligned(long n) {
  __atomic_fetch_add(&r.misaligned, n, __ATOMIC_RELAXED);
}

// A64-LABEL: {{^}}bump_aligned:
// A64: mrs {{x[0-9]+}}, TPIDR_EL1
// A64: stadd x0, [{{x[0-9]+}}]
// A64-NOT: bl
// A64: ret
// LA-LABEL: {{^}}bump_aligned:
// LA: amadd.d $zero, $a0,
// LA-NOT: {{bl|call36}}
// LA: ret
void bump_aligned(long n) {
  __atomic_fetch_add(&r.aligned[1], n, __ATOMIC_RELAXED);
}
