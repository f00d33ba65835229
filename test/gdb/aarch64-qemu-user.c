// Verify that gdb never shows the template for a per-CPU variable of an aarch64 program under qemu-user, where gdb 13 cannot read TPIDR_EL0 from DWARF (the location is a marked, unreadable address), and that the auto-loaded extension shows each CPU's copy.
// REQUIRES: qemu-aarch64, gdb-multiarch
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -ffreestanding -nostdlib -static -O2 -g %S/Inputs/cpus.c %S/../qemu/Inputs/qemu_rt.c -o %t
// RUN: llvm-dwarfdump --name=hits %t | FileCheck --check-prefix=DWARF %s
// RUN: %run-gdb --gdb %gdb-multiarch-path --qemu-user %run-aarch64 --commands %s %t | FileCheck %s

// DWARF: DW_AT_location (DW_OP_addrx 0x{{[0-9a-f]+}}, DW_OP_constu 0x80000000000000, DW_OP_xor)

// GDB: break stop_here
// GDB: continue
// GDB: p hits
// GDB: p pair.b
// GDB: ptype pair
// GDB: p $percpu(hits)
// GDB: p $percpu(hits, 0)
// GDB: p $percpu(pair.a, 3)
// GDB: p $percpu(arr[3], 1)
// GDB: p $percpu(hits_ptr, 3)
// GDB: p $percpu(&hits, 1)
// GDB: percpu hits
// GDB: percpu pair 1
// GDB: percpu info
// GDB: kill

// CHECK-LABEL: --- gdb ---
// The extension says on loading where `p v` cannot work, and why.
// CHECK: percpu-llvm: gdb cannot read the per-CPU base register of aarch64 from DWARF, {{.*}} use `p $percpu(v)`
// CHECK: Breakpoint 1, stop_here
// CHECK: Cannot access memory at address 0x8000{{[0-9a-f]+}}
// CHECK-NEXT: Cannot access memory at address 0x8000{{[0-9a-f]+}}
// CHECK-NEXT: type = struct pair {
// CHECK: $1 = 12
// CHECK-NEXT: $2 = 10
// CHECK-NEXT: $3 = 103
// CHECK-NEXT: $4 = 1001
// CHECK-NEXT: $5 = 13
// CHECK-NEXT: $6 = 11
// CHECK-NEXT: [0]: 10
// CHECK-NEXT: [1]: 11
// CHECK-NEXT: [2]: 12
// CHECK-NEXT: [3]: 13
// CHECK-NEXT: [1]: {a = 101, b = 201}
// CHECK-NEXT: template: 0x{{[0-9a-f]+}}-0x{{[0-9a-f]+}} ({{[0-9]+}} bytes)
// CHECK-NEXT: CPUs: 4 ({{.*}})
// CHECK-NEXT: CPU 0: offset
// CHECK-NEXT: CPU 1: offset
// CHECK-NEXT: CPU 2: offset 0x[[OFF2:[0-9a-f]+]], area
// CHECK-NEXT: CPU 3: offset
// CHECK-NEXT: this CPU: $TPIDR_EL0 = 0x[[OFF2]] (CPU 2)
// CHECK-NOT: Error
// CHECK-NOT: Python Exception
// SPDX-License-Identifier: BSD-2-Clause
