// Verify the DWARF location of a per-CPU variable on every target: template + the base register where gdb reads it from DWARF (riscv gp/tp, loongarch64 $r21), the template XOR the unreadable-address mark where it cannot (x86_64, aarch64), clang's own location in single-CPU mode; and that a unit with debug info names the gdb extension in .debug_gdb_scripts, one without none.
// RUN: %percpu_cc --target=x86_64-linux-gnu -ffreestanding -O2 -g -c %s -o %t.x86_64.o
// RUN: llvm-dwarfdump --name=v %t.x86_64.o | FileCheck --check-prefix=X86_64 %s
// RUN: llvm-readelf -S -p .debug_gdb_scripts %t.x86_64.o | FileCheck --check-prefix=SCRIPT %s
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -O2 -g -c %s -o %t.aarch64.o
// RUN: llvm-dwarfdump --name=v %t.aarch64.o | FileCheck --check-prefix=AARCH64 %s
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el2 -ffreestanding -O2 -g -c %s -o %t.el2.o
// RUN: llvm-dwarfdump --name=v %t.el2.o | FileCheck --check-prefix=AARCH64 %s
// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -O2 -g -c %s -o %t.riscv64.o
// RUN: llvm-dwarfdump --name=v %t.riscv64.o | FileCheck --check-prefix=GP %s
// RUN: %percpu_cc --target=riscv64-linux-gnu --percpu-reg=tp -ffreestanding -O2 -g -c %s -o %t.tp.o
// RUN: llvm-dwarfdump --name=v %t.tp.o | FileCheck --check-prefix=TP %s
// RUN: %percpu_cc --target=riscv32-linux-gnu -ffreestanding -O0 -g -c %s -o %t.riscv32.o
// RUN: llvm-dwarfdump --name=v %t.riscv32.o | FileCheck --check-prefix=GP %s
// RUN: %percpu_cc --target=loongarch64-linux-gnu -ffreestanding -O2 -g -c %s -o %t.loongarch64.o
// RUN: llvm-dwarfdump --name=v %t.loongarch64.o | FileCheck --check-prefix=R21 %s
// RUN: %percpu_cc --target=riscv64-linux-gnu --percpu-single-cpu -ffreestanding -O2 -g -c %s -o %t.single.o
// RUN: llvm-dwarfdump --name=v %t.single.o | FileCheck --check-prefix=SINGLE %s
// RUN: %percpu_cc --target=x86_64-linux-gnu -O2 -c %s -o %t.nodebug.o
// RUN: llvm-readelf -S %t.nodebug.o | FileCheck --check-prefix=NOSCRIPT %s

// X86_64: DW_AT_location (DW_OP_addrx 0x0, DW_OP_constu 0x4000000000000000, DW_OP_xor)
// AARCH64: DW_AT_location (DW_OP_addrx 0x0, DW_OP_constu 0x80000000000000, DW_OP_xor)
// GP: DW_AT_location (DW_OP_addrx 0x0, DW_OP_bregx X3+0, DW_OP_plus)
// TP: DW_AT_location (DW_OP_addrx 0x0, DW_OP_bregx X4+0, DW_OP_plus)
// R21: DW_AT_location (DW_OP_addrx 0x0, DW_OP_bregx R21+0, DW_OP_plus)
// SINGLE: DW_AT_location (DW_OP_addrx 0x0)

// The entry is gdb's type 1 (a script file) and lives with the debug info:
// not allocated (no A flag), merged.
// SCRIPT: .debug_gdb_scripts PROGBITS {{[0-9a-f]+}} {{[0-9a-f]+}} {{[0-9a-f]+}} 01 MS 0 0 1
// SCRIPT: String dump of section '.debug_gdb_scripts':
// SCRIPT-NEXT: [ 0] {{.*}}/share/percpu-llvm/gdb/percpu.py
// NOSCRIPT-NOT: .debug_gdb_scripts

#include <percpu.h>

DEFINE_PER_CPU(long, v);

long read_v(void) { return this_cpu_read(v); }
// SPDX-License-Identifier: BSD-2-Clause
