// RUN: rm -rf %t && mkdir -p %t
// Verify on aarch64 under qemu-user a runtime built for PERCPU_MAX_CPUS=64 (its sources compiled here as runtime/CMakeLists.txt does, but for 64): a unit compiled for 64 links with it and per_cpu() of CPU 2 of 3 reads its copy, that of CPU 63 faults on an offline entry and that of CPU 64 on entry -1, and percpu_init of 65 CPUs is -EINVAL; a unit compiled with the default (4096) fails to link against it, naming __percpu_max_cpus_4096.
// RUN: cd %t && %percpu_clang --target=aarch64-linux-gnu -std=c11 -O2 -ffreestanding -nostdinc -fno-vectorize -fno-slp-vectorize -mgeneral-regs-only -fno-stack-protector -fvisibility=hidden -DPERCPU_REGISTER=tpidr_el0 -DPERCPU_MAX_CPUS=64 -I%S/../../runtime -c %S/../../runtime/layout.c %S/../../runtime/executable_only.c %S/../../runtime/area.c %S/../../runtime/areas.c %S/../../runtime/alloc.c %S/../../runtime/alloc_lock.c %S/../../runtime/in_place.c %S/../../runtime/reg.c %S/../../runtime/guard.c %S/../../runtime/preempt.c
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DPERCPU_MAX_CPUS=64 -DCPU=2 %s %S/Inputs/qemu_rt.c %t/*.o -o %t/ok
// RUN: %run-aarch64 %t/ok | FileCheck %s --check-prefix=OK
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DPERCPU_MAX_CPUS=64 -DCPU=63 %s %S/Inputs/qemu_rt.c %t/*.o -o %t/63
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t/63 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DPERCPU_MAX_CPUS=64 -DCPU=64 %s %S/Inputs/qemu_rt.c %t/*.o -o %t/64
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t/64 | FileCheck %s --check-prefixes=BAD,FAULT
// Linked without percpu-cc, which adds the default runtime's archive.
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -O2 -DCPU=2 -c %s -o %t/default.unit
// RUN: not %clang --target=aarch64-linux-gnu -fuse-ld=lld -nostdlib -static %t/default.unit %t/*.o -o %t/default 2>&1 | FileCheck %s --check-prefix=MISMATCH
// REQUIRES: qemu-aarch64

// OK: 65 CPUs: -22
// OK-NEXT: reached
// OK-NEXT: per_cpu ok
// BAD: reached
// BAD-NOT: survived
// FAULT: status 139
// MISMATCH: undefined symbol: __percpu_max_cpus_4096
#define AFTER_SETUP_CHECK                                                      \
  do {                                                                         \
    rt_puts("65 CPUs: -");                                                     \
    rt_putu((uint64_t)-percpu_init(buffer, 65));                               \
    rt_puts("\n");                                                             \
  } while (0)
#include "Inputs/per_cpu_bad_cpu.c"
// SPDX-License-Identifier: BSD-2-Clause
