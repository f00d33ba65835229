; RUN: %percpu_opt -S %s -o %t.ll
; RUN: FileCheck %s --input-file=%t.ll
; RUN: llc -O2 %t.ll -o - | FileCheck %s --check-prefix=ASM
; Verify that loads and stores of types no C source spells but front ends and optimisers produce (i1, i7, i129, a struct, an array, a vector of odd-sized integers) stay %gs-relative on this CPU's copy, and that the memory intrinsics the lowering has no special case for (element-wise atomic memcpy/memset, vector-predicated and masked loads and stores, invariant.start) get this CPU's plain address: the template is never reached.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%S = type { i32, i64, [3 x i8] }
@s = addrspace(300) global %S zeroinitializer, align 8
@b = addrspace(300) global [64 x i8] zeroinitializer, align 16

; CHECK-LABEL: @odd_types(
; CHECK: load i1, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @s to i64) to ptr addrspace(256))
; CHECK: store i1 %c, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @s to i64) to ptr addrspace(256))
; CHECK: load i7, ptr addrspace(256)
; CHECK: store i7 %d, ptr addrspace(256)
; CHECK: load i129, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @b to i64) to ptr addrspace(256))
; CHECK: store i129 %e, ptr addrspace(256)
; CHECK: load %S, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @s to i64) to ptr addrspace(256))
; CHECK: store %S %agg, ptr addrspace(256)
; CHECK: load [2 x i64], ptr addrspace(256)
; CHECK: store [2 x i64] %arr, ptr addrspace(256)
; CHECK: load <3 x i17>, ptr addrspace(256)
; CHECK: store <3 x i17> %vv, ptr addrspace(256)
; ASM-LABEL: odd_types:
; ASM-NOT: {{[^:](s|b)(\+[0-9]+)?}}(%rip)
; ASM: ret
define void @odd_types(i1 %c, i7 %d, i129 %e, %S %agg, [2 x i64] %arr, <3 x i17> %vv, ptr %out) {
  %p1 = load i1, ptr addrspace(300) @s
  store i1 %c, ptr addrspace(300) @s
  %p2 = load i7, ptr addrspace(300) @s
  store i7 %d, ptr addrspace(300) @s
  %p3 = load i129, ptr addrspace(300) @b
  store i129 %e, ptr addrspace(300) @b
  %p4 = load %S, ptr addrspace(300) @s
  store %S %agg, ptr addrspace(300) @s
  %p5 = load [2 x i64], ptr addrspace(300) @b
  store [2 x i64] %arr, ptr addrspace(300) @b
  %p6 = load <3 x i17>, ptr addrspace(300) @b
  store <3 x i17> %vv, ptr addrspace(300) @b
  store volatile i1 %p1, ptr %out
  store volatile i7 %p2, ptr %out
  store volatile i129 %p3, ptr %out
  store volatile %S %p4, ptr %out
  store volatile [2 x i64] %p5, ptr %out
  store volatile <3 x i17> %p6, ptr %out
  ret void
}

; CHECK-LABEL: @other_intrinsics(
; CHECK: %[[P:percpu.ptr[0-9]*]] = getelementptr i8, ptr @b, i64 %percpu.offset
; CHECK: call void @llvm.memcpy.element.unordered.atomic.p0.p0.i64(ptr align 8 %[[P]],
; CHECK: call void @llvm.memset.element.unordered.atomic.p0.i64(ptr align 8 %percpu.ptr
; CHECK: call <4 x i32> @llvm.vp.load.v4i32.p0(ptr %percpu.ptr
; CHECK: call void @llvm.vp.store.v4i32.p0(<4 x i32> {{.*}}, ptr %percpu.ptr
; CHECK: call <4 x i32> @llvm.masked.load.v4i32.p0(ptr {{(align 4 )?}}%percpu.ptr
; CHECK: call void @llvm.masked.store.v4i32.p0(<4 x i32> {{.*}}, ptr {{(align 4 )?}}%percpu.ptr
; CHECK: call ptr @llvm.invariant.start.p0(i64 8, ptr %percpu.ptr
; CHECK-NOT: addrspace(300)
; CHECK: ret
define <4 x i32> @other_intrinsics(<4 x i1> %m, <4 x i32> %x) {
  call void @llvm.memcpy.element.unordered.atomic.p300.p300.i64(ptr addrspace(300) align 8 @b, ptr addrspace(300) align 8 getelementptr (i8, ptr addrspace(300) @b, i64 32), i64 16, i32 8)
  call void @llvm.memset.element.unordered.atomic.p300.i64(ptr addrspace(300) align 8 @b, i8 0, i64 16, i32 8)
  %vl = call <4 x i32> @llvm.vp.load.v4i32.p300(ptr addrspace(300) @b, <4 x i1> %m, i32 4)
  call void @llvm.vp.store.v4i32.p300(<4 x i32> %vl, ptr addrspace(300) @b, <4 x i1> %m, i32 4)
  %ml = call <4 x i32> @llvm.masked.load.v4i32.p300(ptr addrspace(300) @b, i32 4, <4 x i1> %m, <4 x i32> %x)
  call void @llvm.masked.store.v4i32.p300(<4 x i32> %ml, ptr addrspace(300) @b, i32 4, <4 x i1> %m)
  %inv = call ptr @llvm.invariant.start.p300(i64 8, ptr addrspace(300) @b)
  ret <4 x i32> %ml
}

declare void @llvm.memcpy.element.unordered.atomic.p300.p300.i64(ptr addrspace(300), ptr addrspace(300), i64, i32)
declare void @llvm.memset.element.unordered.atomic.p300.i64(ptr addrspace(300), i8, i64, i32)
declare <4 x i32> @llvm.vp.load.v4i32.p300(ptr addrspace(300), <4 x i1>, i32)
declare void @llvm.vp.store.v4i32.p300(<4 x i32>, ptr addrspace(300), <4 x i1>, i32)
declare <4 x i32> @llvm.masked.load.v4i32.p300(ptr addrspace(300), i32, <4 x i1>, <4 x i32>)
declare void @llvm.masked.store.v4i32.p300(<4 x i32>, ptr addrspace(300), i32, <4 x i1>)
declare ptr @llvm.invariant.start.p300(i64, ptr addrspace(300))

; SPDX-License-Identifier: BSD-2-Clause
