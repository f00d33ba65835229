; RUN: %percpu_opt -S %s | FileCheck %s
; Verify that on LoongArch an access at a variable index is an ldx indexed by the base register $r21 in side-effecting asm ("$" escaped), so the backend cannot hoist the register read out of a loop that switches CPUs, while the address itself stays ordinary IR.

target datalayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
target triple = "loongarch64-unknown-linux-gnu"

@arr = addrspace(300) global [8 x i64] zeroinitializer, align 8

; CHECK: @__percpu_runtime_check = private constant ptr @__percpu_runtime_for_r21
; CHECK-LABEL: define i64 @rd(
; CHECK: [[G:%.*]] = getelementptr [8 x i64], ptr @arr, i64 0, i64 %i
; CHECK-NEXT: [[T:%.*]] = ptrtoint ptr [[G]] to i64
; CHECK-NEXT: call i64 asm sideeffect "ldx.d $0, $$r21, $1", "=r,r"(i64 [[T]])
; CHECK-NOT: read_volatile_register
define i64 @rd(i64 %i) {
  %p = getelementptr [8 x i64], ptr addrspace(300) @arr, i64 0, i64 %i
  %x = load i64, ptr addrspace(300) %p
  ret i64 %x
}
; SPDX-License-Identifier: BSD-2-Clause
