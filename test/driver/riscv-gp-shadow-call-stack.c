// RUN: not %percpu_cc --target=riscv64-linux-gnu -ffreestanding -fsanitize=shadow-call-stack -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERR -DARCH=riscv64
// Verify that percpu-cc refuses -fsanitize=shadow-call-stack with gp as the per-CPU register on RISC-V (LLVM 17 and later keep the shadow stack pointer in gp) for every unit, also one like this without per-CPU data, which the pass leaves alone: its functions would push return addresses through gp into this CPU's area. The last -fsanitize/-fno-sanitize decides, as in clang; tp, -fcf-protection=return (a hardware shadow stack, judged by the pass) and other arches pass.
// RUN: not %percpu_cc --target=riscv32-linux-gnu -ffreestanding -fsanitize=undefined,shadow-call-stack -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERR -DARCH=riscv32
// RUN: not %percpu_cc --target=riscv64-linux-gnu -ffreestanding -fno-sanitize=all -fsanitize=shadow-call-stack -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERR -DARCH=riscv64
// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -fsanitize=shadow-call-stack -fno-sanitize=shadow-call-stack -c %s -o /dev/null
// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -fsanitize=shadow-call-stack -fno-sanitize=all -c %s -o /dev/null
// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -fsanitize=shadow-call-stack --percpu-reg=tp -c %s -o /dev/null
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -ffixed-x18 -fsanitize=shadow-call-stack -c %s -o /dev/null
// RUN: %if llvm-22 %{ %percpu_cc --target=riscv64-linux-gnu -ffreestanding -menable-experimental-extensions -march=rv64gc_zicfiss1p0 -fsanitize=shadow-call-stack -fcf-protection=return -c %s -o /dev/null %}
// UNSUPPORTED: llvm-16

// ERR: percpu-cc: error: -fsanitize=shadow-call-stack keeps the shadow stack pointer in gp, but gp holds the per-CPU offset on [[ARCH]]; build without the shadow call stack or use --percpu-reg=tp

int nested(int (*f)(int), int x) { return f(x) + 1; }
// SPDX-License-Identifier: BSD-2-Clause
