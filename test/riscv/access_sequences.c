// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fno-pic -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//|$)' | FileCheck %s --check-prefixes=CHECK,ABS,GP,%backend
// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fPIE -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//|$)' | FileCheck %s --check-prefixes=CHECK,PCREL,GP,%backend
// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fno-pic -O2 -S -fno-asynchronous-unwind-tables -o - %s -DPERCPU_REGISTER=tp | grep -vE '^\s*(#|//|$)' | FileCheck %s --check-prefixes=CHECK,ABS,TP,%backend
// RUN: %percpu_clang --target=riscv32-linux-gnu -ffreestanding -fno-pic -O2 -S -fno-asynchronous-unwind-tables -o - %s | grep -vE '^\s*(#|//|$)' | FileCheck %s --check-prefix=RV32
// Verify that on RISC-V a per-CPU read or write is 3 instructions (high part, add of gp or tp, access with the low part folded in) with linker relaxation off around it, and that an add is one AMO on this CPU's copy (4 instructions).
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
DEFINE_PER_CPU(unsigned long, arr[8]);

// CHECK-LABEL: rd:
// CHECK: .option norelax
// ABS-NEXT: lui [[T:[a-z0-9]+]], %hi(v)
// PCREL-NEXT: [[L:.Lpercpu_pcrel[0-9]+]]:
// PCREL-NEXT: auipc [[T:[a-z0-9]+]], %pcrel_hi(v)
// GP-NEXT: add [[T]], [[T]], gp
// TP-NEXT: add [[T]], [[T]], tp
// ABS-NEXT: ld a0, %lo(v)([[T]])
// PCREL-NEXT: ld a0, %pcrel_lo([[L]])([[T]])
// CHECK-NEXT: .option pop
// CHECK-NOT: {{^}}	{{[a-z]}}
// CHECK: ret
// RV32-LABEL: rd:
// RV32: lui [[T:[a-z0-9]+]], %hi(v)
// RV32-NEXT: add [[T]], [[T]], gp
// RV32-NEXT: lw a0, %lo(v)([[T]])
unsigned long rd(void) { return this_cpu_read(v); }

// CHECK-LABEL: wr:
// ABS: lui [[T:[a-z0-9]+]], %hi(v)
// PCREL: auipc [[T:[a-z0-9]+]], %pcrel_hi(v)
// GP-NEXT: add [[T]], [[T]], gp
// TP-NEXT: add [[T]], [[T]], tp
// ABS-NEXT: sd a0, %lo(v)([[T]])
// PCREL-NEXT: sd a0, %pcrel_lo({{.*}})([[T]])
unsigned long wr(unsigned long x) { this_cpu_write(v, x); return 0; }

// A constant offset folds into the symbol.
// CHECK-LABEL: rd_elem:
// ABS: lui [[T:[a-z0-9]+]], %hi(arr+16)
// ABS: ld a0, %lo(arr+16)([[T]])
unsigned long rd_elem(void) { return this_cpu_read(arr[2]); }

// CHECK-LABEL: add:
// ABS-NEXT: lui [[T:[a-z0-9]+]], %hi(v)
// ABS-NEXT: addi [[T]], [[T]], %lo(v)
// PCREL-NEXT: .Lpcrel_hi
// PCREL-NEXT: auipc [[T:[a-z0-9]+]], %pcrel_hi(v)
// PCREL-NEXT: addi [[T]], [[T]], %pcrel_lo
// GP-NEXT: add [[T]], [[T]], gp
// TP-NEXT: add [[T]], [[T]], tp
// LLVM 16 names a destination register for the unused old value.
// LLVM19-NEXT: amoadd.d zero, a0, ([[T]])
// LLVM16-NEXT: amoadd.d a0, a0, ([[T]])
// CHECK-NEXT: ret
void add(unsigned long x) { this_cpu_add(v, x); }

// CHECK-LABEL: ptr:
// PCREL-NEXT: .Lpcrel_hi
// CHECK-NEXT: {{lui|auipc}}
// CHECK-NEXT: addi
// GP-NEXT: add a0, {{.*}}gp
// TP-NEXT: add a0, {{.*}}tp
// CHECK-NEXT: ret
unsigned long *ptr(void) { return this_cpu_ptr(&v); }
// SPDX-License-Identifier: BSD-2-Clause
