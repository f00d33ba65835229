; RUN: %percpu_opt -S %s | FileCheck %s
; Verify that on x86_64 loads and stores through per-CPU pointers move to the GS address space (256), whatever produced the pointer: the global, a GEP chain, a select, a phi or an argument.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@hits = dso_local addrspace(300) global i64 0, align 8
@arr = dso_local addrspace(300) global [16 x i32] zeroinitializer, align 4

; CHECK-LABEL: define i64 @direct(
; CHECK: %v = load i64, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @hits to i64) to ptr addrspace(256))
; CHECK: store i64 %n, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @hits to i64) to ptr addrspace(256))
define i64 @direct(i64 %n) {
  %v = load i64, ptr addrspace(300) @hits
  store i64 %n, ptr addrspace(300) @hits
  ret i64 %v
}

; The GEP is rebuilt on the template so the backend sees %gs:arr(,%i,4).
; CHECK-LABEL: define i32 @indexed(
; CHECK: [[P:%.*]] = getelementptr inbounds [16 x i32], ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @arr to i64) to ptr addrspace(256)), i64 0, i64 %i
; CHECK: load volatile i32, ptr addrspace(256) [[P]]
; CHECK-NOT: addrspace(300) %p
define i32 @indexed(i64 %i) {
  %p = getelementptr inbounds [16 x i32], ptr addrspace(300) @arr, i64 0, i64 %i
  %v = load volatile i32, ptr addrspace(300) %p
  ret i32 %v
}

; CHECK-LABEL: define i64 @selected(
; CHECK: %p = select i1 %c, ptr addrspace(300) inttoptr (i64 ptrtoint (ptr @hits to i64) to ptr addrspace(300)), ptr addrspace(300) %q
; CHECK: [[I:%.*]] = ptrtoint ptr addrspace(300) %p to i64
; CHECK: [[G:%.*]] = inttoptr i64 [[I]] to ptr addrspace(256)
; CHECK: load atomic i64, ptr addrspace(256) [[G]] monotonic
define i64 @selected(i1 %c, ptr addrspace(300) %q) {
  %p = select i1 %c, ptr addrspace(300) @hits, ptr addrspace(300) %q
  %v = load atomic i64, ptr addrspace(300) %p monotonic, align 8
  ret i64 %v
}

; CHECK-LABEL: define void @looped(
; CHECK: loop:
; CHECK: %p = phi ptr addrspace(300)
; CHECK: [[I:%.*]] = ptrtoint ptr addrspace(300) %p to i64
; CHECK: [[G:%.*]] = inttoptr i64 [[I]] to ptr addrspace(256)
; CHECK: store i32 0, ptr addrspace(256) [[G]]
define void @looped(i64 %n) {
entry:
  br label %loop
loop:
  %p = phi ptr addrspace(300) [ @arr, %entry ], [ %next, %loop ]
  store i32 0, ptr addrspace(300) %p
  %next = getelementptr i32, ptr addrspace(300) %p, i64 1
  %end = getelementptr [16 x i32], ptr addrspace(300) @arr, i64 0, i64 16
  %done = icmp eq ptr addrspace(300) %next, %end
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; A per-CPU pointer passed in and loaded from memory is still a value.
; CHECK-LABEL: define i64 @through_memory(
; CHECK: %pp = load ptr addrspace(300), ptr %slot
; CHECK: inttoptr i64 {{%.*}} to ptr addrspace(256)
define i64 @through_memory(ptr %slot) {
  %pp = load ptr addrspace(300), ptr %slot
  %v = load i64, ptr addrspace(300) %pp
  ret i64 %v
}
; SPDX-License-Identifier: BSD-2-Clause
