// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=2 %s %S/Inputs/qemu_rt.c -o %t.ok
// Verify on aarch64 under qemu-user that per_cpu() of CPU 2 of 3 reads its copy; that of CPU 3 (the count) or 4095 (PERCPU_MAX_CPUS - 1) faults on an offline entry of the table, at -O2 and -O0 (never a trap: SIGSEGV); that of 4096 (PERCPU_MAX_CPUS), 2^31 or 2^32 - 1 faults on entry -1; that before the set-up per_cpu() of CPU 0, 4095 or 4096 faults; that with -DPERCPU_MAX_CPUS=0 (linked with the same runtime) CPU 4096 faults on the clamped entry; each after per_cpu_ptr() of it was NULL and for_each_possible_cpu counted the CPUs (0 before the set-up).
// RUN: %run-aarch64 %t.ok | FileCheck %s --check-prefix=OK
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=3 %s %S/Inputs/qemu_rt.c -o %t.3
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.3 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=4095 %s %S/Inputs/qemu_rt.c -o %t.4095
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.4095 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=4096 %s %S/Inputs/qemu_rt.c -o %t.4096
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.4096 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=0x80000000u %s %S/Inputs/qemu_rt.c -o %t.31
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.31 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DCPU=0xffffffffu %s %S/Inputs/qemu_rt.c -o %t.32
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.32 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O0 -DCPU=3 %s %S/Inputs/qemu_rt.c -o %t.0
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.0 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O0 -DCPU=4096 %s %S/Inputs/qemu_rt.c -o %t.0.4096
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.0.4096 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DBEFORE_SETUP -DCPU=0 %s %S/Inputs/qemu_rt.c -o %t.pre0
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.pre0 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DBEFORE_SETUP -DCPU=4095 %s %S/Inputs/qemu_rt.c -o %t.pre4095
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.pre4095 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DBEFORE_SETUP -DCPU=4096 %s %S/Inputs/qemu_rt.c -o %t.pre4096
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.pre4096 | FileCheck %s --check-prefixes=BAD,FAULT
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -DPERCPU_MAX_CPUS=0 -DCPU=4096 %s %S/Inputs/qemu_rt.c -o %t.run-time-bound
// RUN: sh -c '"$@"; echo "status $?"' sh %run-aarch64 %t.run-time-bound | FileCheck %s --check-prefixes=BAD,FAULT
// REQUIRES: qemu-aarch64

// OK: reached
// OK-NEXT: per_cpu ok
// BAD: reached
// BAD-NOT: survived
// The shell's status of a program killed by SIGSEGV (11).
// FAULT: status 139
#include "Inputs/per_cpu_bad_cpu.c"
// SPDX-License-Identifier: BSD-2-Clause
