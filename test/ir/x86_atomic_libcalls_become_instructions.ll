; RUN: %percpu_opt -S %s | FileCheck %s '--implicit-check-not=call {{.*}}@__atomic_{{[a-z_]+}}_{{[0-9]+}}(' '--implicit-check-not=call {{.*}}@__atomic_compare_exchange('
; Verify that libatomic calls on per-CPU memory, which clang 16 emits for misaligned and 16-byte atomics (later clangs emit the instruction), become the instruction: a misaligned load or store one %gs: mov, a read-modify-write and a compare-and-exchange one unlocked %gs: instruction, a generic 16-byte compare-and-exchange cmpxchg16b; the values the routines take through memory go back into registers. A generic call on a 24-byte object, which no instruction does, stays a call and gets this CPU's copy.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%struct.packed = type <{ i8, i64, i32 }>
@pkd = dso_local addrspace(300) global %struct.packed zeroinitializer, align 1
@wide = dso_local addrspace(300) global i128 0, align 16
@big = dso_local addrspace(300) global [3 x i64] zeroinitializer, align 8

; CHECK-LABEL: define i64 @load_store(
; CHECK: %[[V:.+]] = load volatile i64, ptr addrspace(256) {{.*}}@pkd{{.*}}, align 1
; CHECK: store volatile i64 %n, ptr addrspace(256) {{.*}}@pkd{{.*}}, align 1
; CHECK: ret i64 %[[V]]
define i64 @load_store(i64 %n) {
  %v = call i64 @__atomic_load_8(ptr addrspacecast (ptr addrspace(300) getelementptr inbounds (%struct.packed, ptr addrspace(300) @pkd, i64 0, i32 1) to ptr), i32 0)
  call void @__atomic_store_8(ptr addrspacecast (ptr addrspace(300) getelementptr inbounds (%struct.packed, ptr addrspace(300) @pkd, i64 0, i32 1) to ptr), i64 %n, i32 0)
  ret i64 %v
}

; CHECK-LABEL: define i64 @fetch_add(
; CHECK: call i64 asm sideeffect "xaddq $0, %gs:$1"
define i64 @fetch_add(i64 %n) {
  %old = call i64 @__atomic_fetch_add_8(ptr addrspacecast (ptr addrspace(300) getelementptr inbounds (%struct.packed, ptr addrspace(300) @pkd, i64 0, i32 1) to ptr), i64 %n, i32 0)
  ret i64 %old
}

; bool __atomic_compare_exchange_4(T *p, T *expected, T desired, int, int)
; CHECK-LABEL: define i32 @cmpxchg(
; CHECK-NOT: alloca
; CHECK: call { i32, i8 } asm sideeffect "cmpxchgl $3, %gs:$2"
; CHECK-NOT: store
; CHECK: ret i32
define i32 @cmpxchg(i32 %o, i32 %n) {
  %expected = alloca i32, align 4
  store i32 %o, ptr %expected, align 4
  %ok = call zeroext i1 @__atomic_compare_exchange_4(ptr addrspacecast (ptr addrspace(300) getelementptr inbounds (%struct.packed, ptr addrspace(300) @pkd, i64 0, i32 2) to ptr), ptr %expected, i32 %n, i32 0, i32 0)
  %old = load i32, ptr %expected, align 4
  ret i32 %old
}

; bool __atomic_compare_exchange(size, T *p, T *expected, T *desired, int, int)
; CHECK-LABEL: define i128 @cmpxchg_wide(
; CHECK: asm sideeffect "cmpxchg16b %gs:$3"
; CHECK: ret i128
define i128 @cmpxchg_wide(i128 %o, i128 %n) {
  %expected = alloca i128, align 16
  %desired = alloca i128, align 16
  store i128 %o, ptr %expected, align 16
  store i128 %n, ptr %desired, align 16
  %ok = call zeroext i1 @__atomic_compare_exchange(i64 16, ptr addrspacecast (ptr addrspace(300) @wide to ptr), ptr %expected, ptr %desired, i32 0, i32 0)
  %old = load i128, ptr %expected, align 16
  ret i128 %old
}

; CHECK-LABEL: define void @load_big(
; CHECK: %[[OFF:.+]] = load i64, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @__percpu_self_offset to i64) to ptr addrspace(256))
; CHECK: %[[P:.+]] = getelementptr i8, ptr @big, i64 %[[OFF]]
; CHECK: call void @__atomic_load(i64 24, ptr %[[P]], ptr %out, i32 0)
define void @load_big(ptr %out) {
  call void @__atomic_load(i64 24, ptr addrspacecast (ptr addrspace(300) @big to ptr), ptr %out, i32 0)
  ret void
}

declare i64 @__atomic_load_8(ptr, i32)
declare void @__atomic_store_8(ptr, i64, i32)
declare i64 @__atomic_fetch_add_8(ptr, i64, i32)
declare i1 @__atomic_compare_exchange_4(ptr, ptr, i32, i32, i32)
declare i1 @__atomic_compare_exchange(i64, ptr, ptr, ptr, i32, i32)
declare void @__atomic_load(i64, ptr, ptr, i32)
; SPDX-License-Identifier: BSD-2-Clause
