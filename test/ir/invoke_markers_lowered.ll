; RUN: %percpu_opt -S %s | FileCheck %s
; Verify that this_cpu_ptr() and this_cpu_cmpxchg128 markers reached through invoke (C++, -fexceptions) are lowered like calls, with control going on to the invoke's normal destination, and that no marker is left.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@cnt = addrspace(300) global i64 0, align 8
@wide = addrspace(300) global i128 0, align 16

declare ptr @__percpu_this_cpu_ptr(ptr addrspace(300))
declare i128 @__percpu_cmpxchg128(ptr addrspace(300), i128, i128)
declare i32 @__gxx_personality_v0(...)
declare void @use(ptr)

; CHECK-LABEL: define void @f(
; CHECK-NOT: invoke
; CHECK: load i64, ptr addrspace(256) {{.*}}@__percpu_self_offset
; CHECK: br label %normal
; CHECK: normal:
; CHECK: cmpxchg16b
; CHECK-NOT: @__percpu_this_cpu_ptr
; CHECK-NOT: @__percpu_cmpxchg128
define void @f() personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke ptr @__percpu_this_cpu_ptr(ptr addrspace(300) @cnt)
          to label %normal unwind label %lpad
normal:
  call void @use(ptr %p)
  %old = invoke i128 @__percpu_cmpxchg128(ptr addrspace(300) @wide, i128 0, i128 1)
          to label %done unwind label %lpad
done:
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lp
}
; SPDX-License-Identifier: BSD-2-Clause
