// RUN: %percpu_cc --help -c %s | FileCheck %s --check-prefixes=CHECK,%if llvm-16 %{LA16%} %else %{LA%}
// Verify that --help lists every percpu-cc option on one line each, the registers and the floating-point ABIs per arch, points at clang --help for the rest, and runs nothing else.

// CHECK:      usage: percpu-cc
// CHECK:      percpu-cc options:
// CHECK-NEXT:   --percpu-reg=REG register holding the per-CPU base
// CHECK-NEXT:   --percpu-single-cpu one CPU
// CHECK-NEXT:   --percpu-preempt-hooks call percpu_preempt_disable/enable
// CHECK-NEXT:   --percpu-kernel link the kernel runtime (x86_64: x86_64-kernel, ring 0)
// CHECK-NEXT:   --percpu-print-config print the paths
// CHECK-NEXT:   --percpu-print-runtime print the runtime archive
// CHECK-NEXT:   --percpu-print-linker-dir print the directory of the linker script fragments
// CHECK-NEXT:   --version print percpu-cc's version, then clang's
// CHECK-NEXT:   --help print this text
// CHECK-EMPTY:
// CHECK-NEXT: Registers for --percpu-reg (default first):
// CHECK-NEXT:   x86_64 gs{{$}}
// CHECK-NEXT:   aarch64 tpidr_el1 tpidr_el2 tpidr_el0{{$}}
// CHECK-NEXT:   riscv64 gp tp{{$}}
// CHECK-NEXT:   riscv32 gp tp{{$}}
// CHECK-NEXT:   loongarch64 r21{{$}}
// CHECK-EMPTY:
// CHECK-NEXT: Floating-point ABIs with a runtime (default first;
// CHECK-NEXT: follows -mabi, -march, -msoft-float and the triple, as clang does):
// CHECK-NEXT:   x86_64 sysv{{$}}
// CHECK-NEXT:   aarch64 aapcs{{$}}
// CHECK-NEXT:   riscv64 lp64d lp64{{$}}
// CHECK-NEXT:   riscv32 ilp32d ilp32{{$}}
// LA-NEXT:      loongarch64 lp64d lp64s{{$}}
// LA16-NEXT:    loongarch64 lp64d{{$}}
// CHECK:      Every other argument goes to clang unchanged: see clang --help.
// CHECK:      Cross targets (all but x86_64) link with -fuse-ld=lld
// CHECK:      -ffreestanding -nostdlib -static
// CHECK:      RISC-V with gp as the per-CPU register
// CHECK:      -Wl,--no-relax-gp
// CHECK-NOT:  clang version
// SPDX-License-Identifier: BSD-2-Clause
