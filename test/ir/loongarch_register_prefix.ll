; RUN: %percpu_opt -S %s | FileCheck %s
; Verify that LoongArch's default base register is read as "$r21" (llvm.read_volatile_register needs the dollar sign) and that loads that cannot use the three-instruction form (variable index) go through base + address.

target datalayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
target triple = "loongarch64-unknown-linux-gnu"

@arr = addrspace(300) global [8 x i64] zeroinitializer, align 8

; CHECK: @__percpu_runtime_check = private constant ptr @__percpu_runtime_for_r21
; CHECK-LABEL: define i64 @rd(
; CHECK: call i64 @llvm.read_volatile_register.i64(metadata [[REG:![0-9]+]])
; CHECK: [[REG]] = !{!"$r21"}
define i64 @rd(i64 %i) {
  %p = getelementptr [8 x i64], ptr addrspace(300) @arr, i64 0, i64 %i
  %x = load i64, ptr addrspace(300) %p
  ret i64 %x
}
