// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu --percpu-reg=tpidr_el2 -c %s | FileCheck %s --check-prefix=EL2 -DLIB=%percpu_lib
// Verify that a non-default --percpu-reg becomes -DPERCPU_REGISTER=<reg>, is not passed to clang itself, and selects the runtime built for that register; the default adds nothing.
// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 %s | FileCheck %s --check-prefix=EL0 -DLIB=%percpu_lib
// RUN: %percpu_cc --percpu-print-config --target=riscv64-linux-gnu --percpu-reg=tp -c %s | FileCheck %s --check-prefix=TP -DLIB=%percpu_lib
// RUN: %percpu_cc --percpu-print-config --target=riscv32-linux-gnu --percpu-reg=tp %s | FileCheck %s --check-prefix=TP32 -DLIB=%percpu_lib
// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu --percpu-reg=tpidr_el1 %s | FileCheck %s --check-prefix=DEFAULT -DLIB=%percpu_lib -DARCH=aarch64
// RUN: %percpu_cc --percpu-print-config --target=riscv32-linux-gnu %s | FileCheck %s --check-prefix=DEFAULT -DLIB=%percpu_lib -DARCH=riscv32
// RUN: %percpu_cc --percpu-print-config --target=loongarch64-linux-gnu --percpu-reg=r21 %s | FileCheck %s --check-prefix=DEFAULT -DLIB=%percpu_lib -DARCH=loongarch64

// EL2:      register: tpidr_el2
// EL2-NEXT: abi: aapcs
// EL2-NEXT: kernel: no
// EL2-NEXT: runtime: [[LIB]]/aarch64-tpidr_el2/libpercpu.a
// EL2:      command: {{.*}} -DPERCPU_REGISTER=tpidr_el2 {{.*}}-c
// EL2-NOT:  --percpu-reg

// EL0:      register: tpidr_el0
// EL0-NEXT: abi: aapcs
// EL0-NEXT: kernel: no
// EL0-NEXT: runtime: [[LIB]]/aarch64-tpidr_el0/libpercpu.a
// EL0:      command: {{.*}} -DPERCPU_REGISTER=tpidr_el0 {{.*}} [[LIB]]/aarch64-tpidr_el0/libpercpu.a --end-no-unused-arguments{{$}}

// TP:      register: tp
// TP-NEXT: abi: lp64d
// TP-NEXT: kernel: no
// TP-NEXT: runtime: [[LIB]]/riscv64-tp/libpercpu.a
// TP:      command: {{.*}} -DPERCPU_REGISTER=tp {{.*}}-c

// TP32:      runtime: [[LIB]]/riscv32-tp/libpercpu.a
// TP32:      command: {{.*}} -DPERCPU_REGISTER=tp {{.*}} [[LIB]]/riscv32-tp/libpercpu.a --end-no-unused-arguments{{$}}

// DEFAULT:      runtime: [[LIB]]/[[ARCH]]/libpercpu.a
// DEFAULT:      command:
// DEFAULT-NOT:  PERCPU_REGISTER
// DEFAULT-NOT:  --percpu-reg
// DEFAULT:      [[LIB]]/[[ARCH]]/libpercpu.a --end-no-unused-arguments{{$}}
// SPDX-License-Identifier: BSD-2-Clause
