// A bare-metal aarch64 kernel at EL2 (-machine virt,virtualization=on:
// PSCI through smc) with TPIDR_EL2 as the per-CPU register, 4 CPUs, in the
// delta layout (linker/percpu.ld): the template at its link address, the
// areas given to percpu_init by the kernel. Interrupts are routed to EL2.
// Built as many kernels are: -nostdinc (no C library or compiler header, for
// the kernel's sources, <percpu.h> and the runtime alike), and linked with
// --orphan-handling=error by a script that names the sections it expects
// (Inputs/aarch64.ld) and asserts that the template is before _edata.
// REQUIRES: qemu-system-aarch64, runtime-aarch64
// RUN: %percpu_cc %std_for_arrays --target=aarch64-none-elf --percpu-reg=tpidr_el2 -DKERNEL_EL=2 -nostdinc -ffreestanding -nostdlib -static -mgeneral-regs-only -mstrict-align -O2 -L%percpu_linker -Wl,-T,%S/Inputs/aarch64.ld -Wl,--orphan-handling=error %S/Inputs/aarch64_start.S %S/Inputs/aarch64.c %S/Inputs/smp_test.c -o %t
// RUN: llvm-objdump -d --no-show-raw-insn %t | FileCheck --check-prefix=ENTRY %s
// RUN: %run-kernel 0 %qemu-system-aarch64 -machine virt,virtualization=on -cpu cortex-a57 -smp 4 -m 128 -display none -serial stdio -monitor none -semihosting -icount shift=0 -kernel %t | FileCheck %s

// Every CPU zeroes its register before the first per-CPU access; the
// exception entry counts into entry_traps with the <percpu.h> assembly
// macros, on TPIDR_EL2 (lld turns adrp + add into nop + adr, which
// llvm-objdump 16 prints without its symbol).
// ENTRY-LABEL: <secondary_start>:
// ENTRY-NEXT: msr TPIDR_EL2, xzr
// ENTRY-LABEL: <exception_common>:
// ENTRY: {{adrp|nop}}
// ENTRY-NEXT: {{add|adr}} x2, {{.*entry_traps|#0x[0-9a-f]+$}}
// ENTRY-NEXT: mrs x3, TPIDR_EL2
// ENTRY-NEXT: ldr x2, [x3, x2]
// ENTRY-NEXT: add x2, x2, #0x1
// ENTRY-NEXT: {{adrp|nop}}
// ENTRY-NEXT: {{add|adr}} x3, {{.*entry_traps|#0x[0-9a-f]+$}}
// ENTRY-NEXT: mrs x4, TPIDR_EL2
// ENTRY-NEXT: str x2, [x4, x3]
// ENTRY-NEXT: bl {{.*}} <exception>

// CHECK: aarch64 EL2: percpu kernel test, 4 CPUs
// CHECK-NEXT: areas: 4 x {{[0-9]+}} bytes
// CHECK-COUNT-4: cpu {{[0-3]}}: {{[0-9]+}} increments, {{[0-9]+}} interrupts
// CHECK-NEXT: control: raw_cpu_add lost
// CHECK-NEXT: PASS: 4 CPUs
// CHECK-NOT: FAIL
// SPDX-License-Identifier: BSD-2-Clause
