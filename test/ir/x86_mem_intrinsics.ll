; RUN: %percpu_opt -S %s | FileCheck %s
; Verify that memory intrinsics on per-CPU memory keep GS addressing when short and constant, in the .inline form the backend must expand (it cannot call memcpy on a segment, whatever its size heuristics say), and otherwise go through this CPU's plain address (self offset read with %gs), so the backend never has to call memcpy on a segment (llvm#62834).

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@buf = dso_local addrspace(300) global [4096 x i8] zeroinitializer, align 16
; The runtime defines the self offset; other units declare it.
; CHECK: @__percpu_self_offset = external dso_local global i64

; CHECK-LABEL: define void @short_copy(
; CHECK: call void @llvm.memcpy.inline.p0.p256.i64(ptr %dst, ptr addrspace(256) align 16 inttoptr (i64 ptrtoint (ptr @buf to i64) to ptr addrspace(256)), i64 16, i1 false)
define void @short_copy(ptr %dst) {
  call void @llvm.memcpy.p0.p300.i64(ptr %dst, ptr addrspace(300) align 16 @buf, i64 16, i1 false)
  ret void
}

; CHECK-LABEL: define void @variable_set(
; CHECK: [[OFF:%.*]] = load i64, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @__percpu_self_offset to i64) to ptr addrspace(256))
; CHECK: [[P:%.*]] = getelementptr i8, ptr @buf, i64 [[OFF]]
; CHECK: call void @llvm.memset.p0.i64(ptr align 16 [[P]], i8 0, i64 %n, i1 false)
define void @variable_set(i64 %n) {
  call void @llvm.memset.p300.i64(ptr addrspace(300) align 16 @buf, i8 0, i64 %n, i1 false)
  ret void
}

; CHECK-LABEL: define void @long_move(
; CHECK: [[P:%.*]] = getelementptr i8, ptr @buf, i64 {{%.*}}
; CHECK: call void @llvm.memmove.p0.p0.i64(ptr align 16 [[P]], ptr %src, i64 4096, i1 false)
define void @long_move(ptr %src) {
  call void @llvm.memmove.p300.p0.i64(ptr addrspace(300) align 16 @buf, ptr %src, i64 4096, i1 false)
  ret void
}

; CHECK-NOT: call {{.*}}p300
declare void @llvm.memcpy.p0.p300.i64(ptr, ptr addrspace(300), i64, i1)
declare void @llvm.memset.p300.i64(ptr addrspace(300), i8, i64, i1)
declare void @llvm.memmove.p300.p0.i64(ptr addrspace(300), ptr, i64, i1)
; SPDX-License-Identifier: BSD-2-Clause
