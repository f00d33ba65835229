// A soft-float riscv64 kernel: the test kernel of riscv64-gp-delta.c
// compiled -march=rv64imac -mabi=lp64, as riscv64-unknown-elf toolchains
// and most kernels do. percpu-cc links the lp64 runtime
// (riscv64-lp64/libpercpu.a), so it links and boots on 4 harts; with the
// lp64d runtime the linker refuses the mix.
// REQUIRES: qemu-system-riscv64, runtime-riscv64
// RUN: %percpu_cc %std_for_arrays --target=riscv64-none-elf -march=rv64imac -mabi=lp64 -mcmodel=medany -fno-pic -ffreestanding -nostdlib -static -O2 -L%percpu_linker -Wl,-T,%S/Inputs/riscv64.ld %S/Inputs/riscv64_start.S %S/Inputs/riscv64.c %S/Inputs/smp_test.c -o %t
// RUN: llvm-readelf -h %t | FileCheck --check-prefix=ELF %s
// RUN: llvm-objdump -d --no-show-raw-insn %t | FileCheck --check-prefix=NOFP %s
// RUN: %run-kernel 0 %qemu-system-riscv64 -machine virt -bios none -smp 4 -m 128 -display none -serial stdio -monitor none -icount shift=0 -kernel %t | FileCheck %s
// The same objects against the lp64d runtime: the linker's ABI error.
// RUN: %percpu_cc %std_for_arrays --target=riscv64-none-elf -march=rv64imac -mabi=lp64 -mcmodel=medany -fno-pic -ffreestanding -O2 -c %S/Inputs/riscv64.c -o %t.kernel.o
// RUN: not %percpu_cc %std_for_arrays --target=riscv64-none-elf -march=rv64imac -mabi=lp64 -nostdlib -static -L%percpu_linker -Wl,-T,%S/Inputs/riscv64.ld %t.kernel.o %S/Inputs/riscv64_start.S %S/Inputs/smp_test.c %percpu_lib/riscv64/libpercpu.a -o %t.mixed 2>&1 | FileCheck --check-prefix=MIX %s

// ELF: Flags: 0x1, RVC{{$}}
// The runtime's code too: no FP instruction or register in the image.
// NOFP-LABEL: <percpu_init>:
// NOFP-NOT: {{[[:space:]]f(add|sub|mul|div|sqrt|min|max|mv|cvt|l[dw]|s[dw]|eq|lt|le|class|sgnj|n?madd|n?msub|[rs]flags|[rs]csr|[rs]rm)}}
// NOFP-NOT: {{[[:space:],(]f[ast]?[0-9]+}}

// MIX: ld.lld: error: {{.*}}libpercpu.a({{.*}}): cannot link object files with different floating-point ABI

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
