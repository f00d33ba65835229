; RUN: %percpu_opt -S %s | FileCheck %s
; Verify that __percpu_this_cpu_ptr calls become "template address + this CPU's offset" (x86_64: the self offset read through %gs), and that the marker's declaration disappears.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@st = dso_local addrspace(300) global { i64, i64 } zeroinitializer, align 8

; CHECK-LABEL: define ptr @member(
; CHECK: [[OFF:%.*]] = load i64, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @__percpu_self_offset to i64) to ptr addrspace(256))
; CHECK: [[P:%.*]] = getelementptr i8, ptr getelementptr inbounds (i8, ptr @st, i64 8), i64 [[OFF]]
; CHECK: ret ptr [[P]]
define ptr @member() {
  %p = call ptr @__percpu_this_cpu_ptr(ptr addrspace(300) getelementptr inbounds (i8, ptr addrspace(300) @st, i64 8))
  ret ptr %p
}

; CHECK-LABEL: define ptr @argument(
; CHECK: [[I:%.*]] = ptrtoint ptr addrspace(300) %q to i64
; CHECK: [[T:%.*]] = inttoptr i64 [[I]] to ptr
; CHECK: getelementptr i8, ptr [[T]], i64
define ptr @argument(ptr addrspace(300) %q) {
  %p = call ptr @__percpu_this_cpu_ptr(ptr addrspace(300) %q)
  ret ptr %p
}

; CHECK-NOT: __percpu_this_cpu_ptr
declare ptr @__percpu_this_cpu_ptr(ptr addrspace(300))
; SPDX-License-Identifier: BSD-2-Clause
