; Verify that a unit with per-CPU data compiled -fPIC (PIC Level, no PIE Level) gets the executable-only ELF note as module asm, with "S - ." or, on RISC-V and LoongArch, the PC-relative relocation spelled out; and that -fPIE, non-PIC units and units without per-CPU data get none.
; RUN: %percpu_opt -S %s | FileCheck %s --check-prefixes=CHECK,X86
; RUN: sed 's/x86_64-unknown-linux-gnu/riscv64-unknown-linux-gnu/' %s | %percpu_opt -S | FileCheck %s --check-prefixes=CHECK,RISCV
; RUN: sed 's/x86_64-unknown-linux-gnu/loongarch64-unknown-linux-gnu/' %s | %percpu_opt -S | FileCheck %s --check-prefixes=CHECK,LARCH
; RUN: sed 's/^!llvm.module.flags = !{!0}/!llvm.module.flags = !{!0, !1}/' %s | %percpu_opt -S | FileCheck %s --check-prefix=NONE
; RUN: sed '/^!llvm.module.flags/d' %s | %percpu_opt -S | FileCheck %s --check-prefix=NONE
; RUN: sed '/@counter/d' %s | %percpu_opt -S | FileCheck %s --check-prefix=NONE

target triple = "x86_64-unknown-linux-gnu"

@counter = addrspace(300) global i64 0, align 8

!llvm.module.flags = !{!0}
!0 = !{i32 8, !"PIC Level", i32 2}
!1 = !{i32 7, !"PIE Level", i32 2}

; CHECK: module asm "\09.pushsection .note.percpu-llvm, \22a\22, %note"
; CHECK-NEXT: module asm "\09.balign 4"
; CHECK-NEXT: module asm "\09.long 12, 4, 1"
; CHECK-NEXT: module asm "\09.asciz \22percpu-llvm\22"
; X86-NEXT: module asm "\09.long percpu_llvm_per_cpu_data_in_shared_library_unsupported - ."
; RISCV-NEXT: module asm "\09.globl percpu_llvm_per_cpu_data_in_shared_library_unsupported"
; RISCV-NEXT: module asm "\09.reloc ., R_RISCV_32_PCREL, percpu_llvm_per_cpu_data_in_shared_library_unsupported"
; RISCV-NEXT: module asm "\09.long 0"
; LARCH-NEXT: module asm "\09.globl percpu_llvm_per_cpu_data_in_shared_library_unsupported"
; LARCH-NEXT: module asm "\09.reloc ., R_LARCH_32_PCREL, percpu_llvm_per_cpu_data_in_shared_library_unsupported"
; LARCH-NEXT: module asm "\09.long 0"
; CHECK-NEXT: module asm "\09.popsection"
; NONE-NOT: percpu-llvm
; SPDX-License-Identifier: BSD-2-Clause
