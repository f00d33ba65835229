// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -O2 -DPERCPU_MAX_CPUS=64 -c %s -o %t.64.o
// Verify that an aarch64 unit compiled with another PERCPU_MAX_CPUS than the runtime's (default 4096) fails to link, naming __percpu_max_cpus_<its value>, also with --gc-sections and under LTO, while units with the default, or with 0 (a run-time bound, which references nothing), link.
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -nostdlib -static %t.64.o -o %t.64 2>&1 | FileCheck %s
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -O2 -ffunction-sections -fdata-sections -DPERCPU_MAX_CPUS=64 -c %s -o %t.64.sections.o
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -nostdlib -static -Wl,--gc-sections %t.64.sections.o -o %t.64.gc 2>&1 | FileCheck %s
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -O2 -flto -DPERCPU_MAX_CPUS=64 -c %s -o %t.64.lto.o
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -nostdlib -static -O2 -flto -Wl,--gc-sections %t.64.lto.o -o %t.64.lto 2>&1 | FileCheck %s
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -nostdlib -static -O2 -Wl,--gc-sections %s -o %t.default
// RUN: llvm-nm %t.default | FileCheck %s --check-prefix=DEFAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -O2 -DPERCPU_MAX_CPUS=0 -c %s -o %t.0.o
// RUN: llvm-nm %t.0.o | FileCheck %s --check-prefix=ZERO
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -nostdlib -static %t.0.o -o %t.0
// REQUIRES: runtime-aarch64

// CHECK: undefined symbol: __percpu_max_cpus_64
// DEFAULT: {{^[0-9a-f]+}} {{[A-Za-z]}} __percpu_max_cpus_4096{{$}}
// ZERO-NOT: __percpu_max_cpus_

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);

/* Never run: the entry point a static link without a C library wants. */
void _start(unsigned cpu) {
  per_cpu(hits, cpu)++;
  for (;;)
    ;
}
// SPDX-License-Identifier: BSD-2-Clause
