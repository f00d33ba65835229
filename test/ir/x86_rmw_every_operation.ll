; RUN: %percpu_opt -S %s | llc -O2 -o - | FileCheck %s
; Verify that the x86_64 read-modify-writes with no single instruction (nand, the integer and float min/max, fsub, uinc_wrap/udec_wrap, and xchg of a float or a pointer) and compare-and-exchange of pointers become a cmpxchg loop on this CPU's copy, %gs-prefixed and without LOCK, at every ordering and sync scope: each is indivisible on this CPU, and no access of the template is left.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@v = addrspace(300) global i32 0, align 4
@f = addrspace(300) global float 0.0, align 4
@p = addrspace(300) global ptr null, align 8

; CHECK-LABEL: rmw_nand_i32:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:v(%rip)
; CHECK-NOT: lock
; CHECK: ret
define i32 @rmw_nand_i32(i32 %x, float %y, ptr %q) {
  %old = atomicrmw nand ptr addrspace(300) @v, i32 %x monotonic
  ret i32 %old
}

; CHECK-LABEL: rmw_max_i32:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:v(%rip)
; CHECK-NOT: lock
; CHECK: ret
define i32 @rmw_max_i32(i32 %x, float %y, ptr %q) {
  %old = atomicrmw max ptr addrspace(300) @v, i32 %x acquire
  ret i32 %old
}

; CHECK-LABEL: rmw_min_i32:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:v(%rip)
; CHECK-NOT: lock
; CHECK: ret
define i32 @rmw_min_i32(i32 %x, float %y, ptr %q) {
  %old = atomicrmw min ptr addrspace(300) @v, i32 %x release
  ret i32 %old
}

; CHECK-LABEL: rmw_umax_i32:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:v(%rip)
; CHECK-NOT: lock
; CHECK: ret
define i32 @rmw_umax_i32(i32 %x, float %y, ptr %q) {
  %old = atomicrmw umax ptr addrspace(300) @v, i32 %x acq_rel
  ret i32 %old
}

; CHECK-LABEL: rmw_umin_i32:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:v(%rip)
; CHECK-NOT: lock
; CHECK: ret
define i32 @rmw_umin_i32(i32 %x, float %y, ptr %q) {
  %old = atomicrmw umin ptr addrspace(300) @v, i32 %x seq_cst
  ret i32 %old
}

; CHECK-LABEL: rmw_fsub_float:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:f(%rip)
; CHECK-NOT: lock
; CHECK: ret
define float @rmw_fsub_float(i32 %x, float %y, ptr %q) {
  %old = atomicrmw fsub ptr addrspace(300) @f, float %y syncscope("singlethread") monotonic
  ret float %old
}

; CHECK-LABEL: rmw_fmax_float:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:f(%rip)
; CHECK-NOT: lock
; CHECK: ret
define float @rmw_fmax_float(i32 %x, float %y, ptr %q) {
  %old = atomicrmw fmax ptr addrspace(300) @f, float %y monotonic
  ret float %old
}

; CHECK-LABEL: rmw_fmin_float:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:f(%rip)
; CHECK-NOT: lock
; CHECK: ret
define float @rmw_fmin_float(i32 %x, float %y, ptr %q) {
  %old = atomicrmw fmin ptr addrspace(300) @f, float %y acquire
  ret float %old
}

; CHECK-LABEL: rmw_uinc_wrap_i32:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:v(%rip)
; CHECK-NOT: lock
; CHECK: ret
define i32 @rmw_uinc_wrap_i32(i32 %x, float %y, ptr %q) {
  %old = atomicrmw uinc_wrap ptr addrspace(300) @v, i32 %x release
  ret i32 %old
}

; CHECK-LABEL: rmw_udec_wrap_i32:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:v(%rip)
; CHECK-NOT: lock
; CHECK: ret
define i32 @rmw_udec_wrap_i32(i32 %x, float %y, ptr %q) {
  %old = atomicrmw udec_wrap ptr addrspace(300) @v, i32 %x acq_rel
  ret i32 %old
}

; CHECK-LABEL: rmw_xchg_float:
; CHECK-NOT: lock
; CHECK: cmpxchgl %{{[a-z0-9]+}}, %gs:f(%rip)
; CHECK-NOT: lock
; CHECK: ret
define float @rmw_xchg_float(i32 %x, float %y, ptr %q) {
  %old = atomicrmw xchg ptr addrspace(300) @f, float %y seq_cst
  ret float %old
}

; CHECK-LABEL: rmw_xchg_ptr:
; CHECK-NOT: lock
; CHECK: cmpxchgq %{{[a-z0-9]+}}, %gs:p(%rip)
; CHECK-NOT: lock
; CHECK: ret
define ptr @rmw_xchg_ptr(i32 %x, float %y, ptr %q) {
  %old = atomicrmw xchg ptr addrspace(300) @p, ptr %q syncscope("singlethread") monotonic
  ret ptr %old
}

; CHECK-LABEL: cmpxchg_ptr:
; CHECK-NOT: lock
; CHECK: cmpxchgq %{{[a-z0-9]+}}, %gs:p(%rip)
; CHECK-NOT: lock
; CHECK: ret
define i1 @cmpxchg_ptr(ptr %expected, ptr %new) {
  %r = cmpxchg weak volatile ptr addrspace(300) @p, ptr %expected, ptr %new acq_rel acquire
  %ok = extractvalue { ptr, i1 } %r, 1
  ret i1 %ok
}

; SPDX-License-Identifier: BSD-2-Clause
