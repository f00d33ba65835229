// Verify that gdb shows this CPU's copy of a per-CPU variable in a loongarch64 program under qemu-user, from the debug info alone ($r21, DWARF register 21), and any CPU's through the extension, which gdb auto-loads.
// REQUIRES: qemu-loongarch64, gdb-loongarch64
// RUN: %percpu_cc --target=loongarch64-linux-gnu -ffreestanding -nostdlib -static -O2 -g %S/Inputs/cpus.c %S/../qemu/Inputs/qemu_rt.c -o %t
// RUN: llvm-dwarfdump --name=hits %t | FileCheck --check-prefix=DWARF %s
// RUN: %run-gdb --gdb %gdb-multiarch-path --qemu-user %run-loongarch64 --commands %s %t | FileCheck %s

// DWARF: DW_AT_location (DW_OP_addrx 0x{{[0-9a-f]+}}, DW_OP_bregx R21+0, DW_OP_plus)

// GDB: break stop_here
// GDB: continue
// GDB: p hits
// GDB: p pair
// GDB: p pair.b
// GDB: p arr[3]
// GDB: ptype pair
// GDB: p $percpu(hits)
// GDB: p $percpu(hits, 0)
// GDB: p $percpu(pair.a, 3)
// GDB: p $percpu(arr[3], 1)
// GDB: p *hits_ptr
// GDB: p $percpu(hits_ptr, 3)
// GDB: p $percpu(&hits, 1)
// GDB: percpu hits
// GDB: percpu pair.b 1
// GDB: percpu info
// GDB: kill

// CHECK-LABEL: --- gdb ---
// CHECK: Breakpoint 1, stop_here
// CHECK: $1 = 12
// CHECK-NEXT: $2 = {a = 102, b = 202}
// CHECK-NEXT: $3 = 202
// CHECK-NEXT: $4 = 1002
// CHECK-NEXT: type = struct pair {
// CHECK: $5 = 12
// CHECK-NEXT: $6 = 10
// CHECK-NEXT: $7 = 103
// CHECK-NEXT: $8 = 1001
// The pointer's value is the template: plain gdb reads the template.
// CHECK-NEXT: $9 = 0
// CHECK-NEXT: $10 = 13
// CHECK-NEXT: $11 = 11
// CHECK-NEXT: [0]: 10
// CHECK-NEXT: [1]: 11
// CHECK-NEXT: [2]: 12
// CHECK-NEXT: [3]: 13
// CHECK-NEXT: [1]: 201
// CHECK-NEXT: template: 0x[[START:[0-9a-f]+]]-0x{{[0-9a-f]+}} ({{[0-9]+}} bytes)
// CHECK-NEXT: CPUs: 4 ({{.*}})
// CHECK-NEXT: CPU 0: offset 0x{{[0-9a-f]+}}, area 0x{{[0-9a-f]+}}
// CHECK-NEXT: CPU 1: offset 0x{{[0-9a-f]+}}, area 0x{{[0-9a-f]+}}
// CHECK-NEXT: CPU 2: offset 0x[[OFF2:[0-9a-f]+]], area 0x{{[0-9a-f]+}}
// CHECK-NEXT: CPU 3: offset 0x{{[0-9a-f]+}}, area 0x{{[0-9a-f]+}}
// CHECK-NEXT: this CPU: $r21 = 0x[[OFF2]] (CPU 2)
// CHECK-NOT: Error
// CHECK-NOT: Python Exception
// SPDX-License-Identifier: BSD-2-Clause
