; RUN: split-file %s %t
; RUN: %percpu_opt -S %t/x86.ll | FileCheck %s --check-prefix=X86
; RUN: %percpu_opt -S %t/aarch64.ll | FileCheck %s --check-prefix=A64
; Verify that an atomicrmw's old value stored into a temporary whose address is then stored away (so another pointer may read it) counts as used: the update keeps its result (xadd, ldadd), never a store-only form whose result would be poison.
; SPDX-License-Identifier: BSD-2-Clause

;--- x86.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@q = dso_local addrspace(300) global i64 0, align 8
@escape = dso_local global ptr null, align 8

; X86-LABEL: define i64 @escaped(
; X86: [[OLD:%.*]] = call i64 asm sideeffect "xaddq $0, %gs:$1"
; X86: store i64 [[OLD]], ptr %tmp
; X86-NOT: poison
; X86: ret i64
define i64 @escaped(i64 %n) {
  %tmp = alloca i64, align 8
  %old = atomicrmw add ptr addrspace(300) @q, i64 %n monotonic
  store i64 %old, ptr %tmp, align 8
  store ptr %tmp, ptr @escape, align 8
  %p = load ptr, ptr @escape, align 8
  %v = load i64, ptr %p, align 8
  ret i64 %v
}

;--- aarch64.ll
target datalayout = "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128"
target triple = "aarch64-unknown-linux-gnu"

@q = dso_local addrspace(300) global i64 0, align 8
@escape = dso_local global ptr null, align 8

; A64-LABEL: define i64 @escaped(
; A64-NOT: stadd
; A64: [[OLD:%.*]] = atomicrmw add ptr {{.*}}, i64 %n monotonic
; A64: store i64 [[OLD]], ptr %tmp
; A64: ret i64
define i64 @escaped(i64 %n) #0 {
  %tmp = alloca i64, align 8
  %old = atomicrmw add ptr addrspace(300) @q, i64 %n monotonic
  store i64 %old, ptr %tmp, align 8
  store ptr %tmp, ptr @escape, align 8
  %p = load ptr, ptr @escape, align 8
  %v = load i64, ptr %p, align 8
  ret i64 %v
}

attributes #0 = { "target-features"="+lse" }
