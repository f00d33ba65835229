// The linker script fragments with GNU ld: the aarch64 kernel in the VMA-0
// layout (percpu-vma0.ld) and the x86_64 kernel in the delta layout with
// reserved areas (percpu.ld + percpu-areas.ld). GNU ld searches INCLUDE
// files in the current directory and in -L directories given before the
// script, hence -Wl,-L<dir>,-T,<script> (clang puts a bare-metal -T first).
// (riscv64 is not linked with GNU ld here: percpu-cc passes --no-relax-gp,
// which binutils 2.40 does not know.)
// REQUIRES: qemu-system-aarch64, gnu-ld-aarch64, runtime-aarch64
// RUN: %percpu_cc %std_for_arrays --target=aarch64-none-elf -fuse-ld=bfd --ld-path=%gnu-ld-aarch64 -ffreestanding -nostdlib -static -mgeneral-regs-only -mstrict-align -O2 -DLAYOUT_VMA0 -Wl,-L%percpu_linker,-T,%S/Inputs/aarch64-vma0.ld %S/Inputs/aarch64_start.S %S/Inputs/aarch64.c %S/Inputs/smp_test.c -o %t.a64 2>&1 | FileCheck --allow-empty --check-prefix=LINK %s
// RUN: llvm-readelf --sections %t.a64 | FileCheck --check-prefix=ELF %s
// RUN: %run-kernel 0 %qemu-system-aarch64 -machine virt -cpu cortex-a57 -smp 4 -m 128 -display none -serial stdio -monitor none -semihosting -icount shift=0 -kernel %t.a64 | FileCheck --check-prefix=A64 %s

// LINK-NOT: error
// ELF: percpu PROGBITS 0000000000000000
// A64: aarch64 EL1: percpu kernel test, 4 CPUs
// A64: PASS: 4 CPUs
// A64-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
