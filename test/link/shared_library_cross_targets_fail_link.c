// Verify that on the freestanding cross targets a -fPIC unit with per-CPU data fails to link into a shared library (lld, with and without the runtime), naming the cause, while a static executable made of -fPIC units links. RISC-V and LoongArch spell the PC-relative relocation out, since their assemblers would emit an ADD32/SUB32 pair that a -shared link accepts.
// REQUIRES: runtime-aarch64, runtime-riscv64, runtime-riscv32, runtime-loongarch64
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -nostdlib -fPIC -shared -O2 %S/Inputs/shlib_counter.c -o %t.so 2>&1 | FileCheck %s -DREL=R_AARCH64_PREL32
// RUN: not %percpu_cc --target=riscv64-linux-gnu -ffreestanding -nostdlib -fPIC -shared -O2 %S/Inputs/shlib_counter.c -o %t.so 2>&1 | FileCheck %s -DREL=R_RISCV_32_PCREL
// RUN: not %percpu_cc --target=riscv32-linux-gnu -ffreestanding -nostdlib -fPIC -shared -O2 %S/Inputs/shlib_counter.c -o %t.so 2>&1 | FileCheck %s -DREL=R_RISCV_32_PCREL
// RUN: %if lld-loongarch %{ not %percpu_cc --target=loongarch64-linux-gnu -ffreestanding -nostdlib -fPIC -shared -O2 %S/Inputs/shlib_counter.c -o %t.so 2>&1 | FileCheck %s -DREL=R_LARCH_32_PCREL %}
// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -fPIC -O2 -c %S/Inputs/shlib_counter.c -o %t.rv64.o
// RUN: not %clang --target=riscv64-linux-gnu -fuse-ld=lld -nostdlib -shared %t.rv64.o %percpu_lib/riscv64/libpercpu.a -o %t.so 2>&1 | FileCheck %s -DREL=R_RISCV_32_PCREL
// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -fPIC -O2 -c %S/Inputs/shlib_counter.c -o %t.la64.o
// RUN: %if lld-loongarch %{ not %clang --target=loongarch64-linux-gnu -fuse-ld=lld -nostdlib -shared %t.la64.o %percpu_lib/loongarch64/libpercpu.a -o %t.so 2>&1 | FileCheck %s -DREL=R_LARCH_32_PCREL %}
// The objects' relocation names the symbol (LLVM 16's assembler needs the
// .globl the pass emits for that), also where lld cannot link LoongArch.
// RUN: llvm-readelf -r %t.rv64.o | FileCheck %s --check-prefix=RELOC -DREL=R_RISCV_32_PCREL
// RUN: llvm-readelf -r %t.la64.o | FileCheck %s --check-prefix=RELOC -DREL=R_LARCH_32_PCREL
// Executables made of -fPIC units resolve the reference from the runtime.
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -nostdlib -static -fPIC -O2 %s %S/Inputs/shlib_counter.c -o %t.a64
// RUN: %percpu_cc --target=riscv64-linux-gnu -ffreestanding -nostdlib -static -fPIC -O2 %s %S/Inputs/shlib_counter.c -o %t.rv64
// RUN: %percpu_cc --target=riscv32-linux-gnu -ffreestanding -nostdlib -static -fPIC -O2 %s %S/Inputs/shlib_counter.c -o %t.rv32
// RUN: %if lld-loongarch %{ %percpu_cc --target=loongarch64-linux-gnu -ffreestanding -nostdlib -static -fPIC -O2 %s %S/Inputs/shlib_counter.c -o %t.la64 %}
// RUN: llvm-readelf --notes %t.rv64 | FileCheck %s --check-prefix=NOTE

// CHECK: relocation [[REL]] cannot be used against symbol 'percpu_llvm_per_cpu_data_in_shared_library_unsupported'
// NOTE: percpu-llvm 0x00000004
// RELOC: [[REL]] {{.*}} percpu_llvm_per_cpu_data_in_shared_library_unsupported + 0

long lib_bump(void);

void _start(void) {
  lib_bump();
  for (;;)
    ;
}
// SPDX-License-Identifier: BSD-2-Clause
