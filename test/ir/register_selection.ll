; RUN: %percpu_opt -S %s | FileCheck %s
; RUN: sed 's/tpidr_el2/tpidr_el3/' %s | not %percpu_opt -S -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD
; Verify that the register named by -DPERCPU_REGISTER (the string <percpu.h> leaves) is the one read, that the string is removed, that the unit then requires a runtime built for that register, and that an unknown register is an error listing the valid ones.

target datalayout = "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32"
target triple = "aarch64-unknown-linux-gnu"

@__percpu_register = internal constant [10 x i8] c"tpidr_el2\00", align 1
@llvm.used = appending global [1 x ptr] [ptr @__percpu_register], section "llvm.metadata"
@v = addrspace(300) global i64 0, align 8

; CHECK-NOT: @__percpu_register =
; CHECK: @__percpu_runtime_for_tpidr_el2 = external dso_local global i8
; CHECK: @__percpu_runtime_check = private constant i32 trunc (i64 sub (i64 ptrtoint (ptr @__percpu_runtime_for_tpidr_el2 to i64), i64 ptrtoint (ptr @__percpu_runtime_check to i64)) to i32), section ".rodata.percpu_runtime_check", align 4
; CHECK-LABEL: define i64 @rd(
; CHECK: [[BASE:%.*]] = call i64 @llvm.read_volatile_register.i64(metadata [[REG:![0-9]+]])
; CHECK: [[P:%.*]] = inttoptr i64 [[BASE]] to ptr
; CHECK: [[Q:%.*]] = getelementptr i8, ptr [[P]], i64 ptrtoint (ptr @v to i64)
; CHECK: load i64, ptr [[Q]]
; CHECK: [[REG]] = !{!"tpidr_el2"}
; BAD: error: PERCPU_REGISTER=tpidr_el3 is not a per-CPU base register on aarch64
; opt stops at the first error, before the note that lists the registers.
define i64 @rd() {
  %x = load i64, ptr addrspace(300) @v
  ret i64 %x
}
; SPDX-License-Identifier: BSD-2-Clause
