// A bare-metal riscv64 kernel on QEMU virt with 4 harts in M-mode
// (-bios none: all harts enter at 0x80000000) and gp as the per-CPU
// register (no __global_pointer$, no gp relaxation), in the delta layout
// (linker/percpu.ld) with areas the kernel gives to percpu_init. Every hart also runs a
// U-mode routine that clobbers gp and traps back (riscv64_start.S). The kernel
// at 0x80000000 needs -mcmodel=medany, so per-CPU accesses are
// auipc-relative: a template linked at 0 would be out of their reach.
// REQUIRES: qemu-system-riscv64, runtime-riscv64
// RUN: %percpu_cc %std_for_arrays --target=riscv64-none-elf -march=rv64gc -mabi=lp64d -mcmodel=medany -fno-pic -ffreestanding -nostdlib -static -O2 -L%percpu_linker -Wl,-T,%S/Inputs/riscv64.ld %S/Inputs/riscv64_start.S %S/Inputs/riscv64.c %S/Inputs/smp_test.c -o %t
// RUN: llvm-nm %t | FileCheck --check-prefix=NM %s
// llvm-objdump 16 lists the macros' .L labels as symbols: drop them.
// RUN: llvm-objdump -d --no-show-raw-insn %t | grep -v -e '^$' -e '<\.L' | FileCheck --check-prefix=ENTRY %s
// RUN: %run-kernel 0 %qemu-system-riscv64 -machine virt -bios none -smp 4 -m 128 -display none -serial stdio -monitor none -icount shift=0 -kernel %t | FileCheck %s
// RUN: %run-kernel 0 %qemu-system-riscv64 -machine virt -bios none -smp 4 -m 128 -display none -serial stdio -monitor none -kernel %t | FileCheck %s
// With --percpu-preempt-hooks, the kernel's strong percpu_preempt_disable/
// enable replace the runtime's weak no-ops; the test checks they balance.
// RUN: %percpu_cc %std_for_arrays --target=riscv64-none-elf --percpu-preempt-hooks -march=rv64gc -mabi=lp64d -mcmodel=medany -fno-pic -ffreestanding -nostdlib -static -O2 -L%percpu_linker -Wl,-T,%S/Inputs/riscv64.ld %S/Inputs/riscv64_start.S %S/Inputs/riscv64.c %S/Inputs/smp_test.c -o %t.hooks
// RUN: llvm-objdump -d %t.hooks | FileCheck --check-prefix=HOOKS %s
// RUN: %run-kernel 0 %qemu-system-riscv64 -machine virt -bios none -smp 4 -m 128 -display none -serial stdio -monitor none -icount shift=0 -kernel %t.hooks | FileCheck %s

// HOOKS-LABEL: <timer_interrupt>:
// HOOKS: percpu_preempt_disable
// HOOKS: amoadd.d
// HOOKS: percpu_preempt_enable

// NM-NOT: __global_pointer$

// Every CPU drops to U-mode, where the user's code overwrites gp and traps
// back (ecall, timer). The entry takes the kernel's gp from this CPU's
// entry_area (mscratch), then counts the trap in user_traps with the
// <percpu.h> assembly macros: auipc, add gp, ld/sd. The exit points
// mscratch at the entry_area of the CPU it is on (percpu_addr).
// ENTRY-LABEL: <from_user>:
// ENTRY: sd gp, {{0x80|128}}(sp)
// ENTRY-NEXT: ld gp, {{0x8|8}}(t0)
// ENTRY: auipc t1,
// ENTRY-NEXT: add t1, t1, gp
// ENTRY-NEXT: ld t1, {{.*}}(t1)
// ENTRY-NEXT: addi t1, t1, {{0x1|1}}{{$}}
// ENTRY-NEXT: auipc t2,
// ENTRY-NEXT: add t2, t2, gp
// ENTRY-NEXT: sd t1, {{.*}}(t2)
// ENTRY: {{jal|call}}{{.*}}<user_trap>
// ENTRY-NEXT: auipc t0,
// ENTRY-NEXT: addi t0, t0,
// ENTRY-NEXT: add t0, t0, gp
// ENTRY: csrw mscratch, t0
// ENTRY: ld gp, {{0x80|128}}(sp)
// ENTRY-NEXT: ld sp, {{0x88|136}}(sp)
// ENTRY-NEXT: mret

// CHECK: riscv64: percpu kernel test, 4 CPUs
// CHECK-NEXT: areas: 4 x {{[0-9]+}} bytes
// CHECK-NEXT: cpu 0: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 0 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 1: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 1 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 2: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 2 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 3: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: cpu 3 user mode: {{[0-9]+}} traps, {{[0-9]+}} yields, {{[0-9]+}} interrupts
// CHECK-NEXT: control: raw_cpu_add lost
// CHECK-NEXT: PASS: 4 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
