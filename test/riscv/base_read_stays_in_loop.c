// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefixes=RV,RV-%backend
// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -fno-asynchronous-unwind-tables -O2 -S -o - %s | grep -vE '^\s*(#|//)' | FileCheck %s --check-prefix=LA
// Verify that in a loop that moves to another CPU each iteration, the add of the base register (gp, $r21) for this_cpu_ptr and a read-modify-write stays inside the loop: the backends treat reserved registers as loop invariant, so the pass reads them in side-effecting asm.
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
unsigned long *sink(unsigned long *);

// RV-LABEL: f:
// RV: call percpu_init_reg
// RV-NEXT: add a0, {{[a-z0-9]+}}, gp
// RV-NEXT: call sink
// RV-NEXT: add [[P:[a-z0-9]+]], {{[a-z0-9]+}}, gp
// RV-LLVM19-NEXT: amoadd.d zero, {{[a-z0-9]+}}, ([[P]])
// RV-LLVM16-NEXT: amoadd.d {{[a-z0-9]+}}, {{[a-z0-9]+}}, ([[P]])
// RV: bne
// LA-LABEL: f:
// LA: percpu_init_reg
// LA: add.d $a0, $r21,
// LA: sink
// LA: add.d [[P:\$[a-z0-9]+]], $r21,
// LA-NEXT: amadd{{(_db)?}}.d {{.*}}[[P]]
// LA: {{bne|bltu}} {{.*}}.LBB0_2
void f(unsigned n)
{
	for (unsigned cpu = 0; cpu < n; cpu++) {
		percpu_init_reg(cpu);
		sink(this_cpu_ptr(&v));
		this_cpu_add(v, 1);
	}
}
// SPDX-License-Identifier: BSD-2-Clause
