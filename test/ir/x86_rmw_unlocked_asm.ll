; RUN: %percpu_opt -S %s | FileCheck %s
; Verify that on x86_64 per-CPU read-modify-writes become single GS-prefixed instructions in inline asm (never an atomicrmw, which LLVM would LOCK), with inc/dec for +-1, xadd when the old value is used, and a cmpxchg loop for xchg and the other operations.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@q = dso_local addrspace(300) global i64 0, align 8
@l = dso_local addrspace(300) global i32 0, align 4
@w = dso_local addrspace(300) global i16 0, align 2
@b = dso_local addrspace(300) global i8 0, align 1
@d = dso_local addrspace(300) global double 0.0, align 8

; CHECK-LABEL: define void @updates(
; CHECK: call void asm sideeffect "incq %gs:$0", "=*m,*m,~{dirflag},~{fpsr},~{flags}"(ptr elementtype(i64) @q, ptr elementtype(i64) @q)
; CHECK: call void asm sideeffect "decl %gs:$0", "=*m,*m,{{.*}}"(ptr elementtype(i32) @l, ptr elementtype(i32) @l)
; CHECK: call void asm sideeffect "addq $1, %gs:$0", "=*m,er,*m,{{.*}}"(ptr elementtype(i64) @q, i64 %n, ptr elementtype(i64) @q)
; CHECK: call void asm sideeffect "subw $1, %gs:$0", "=*m,ir,*m,{{.*}}"(ptr elementtype(i16) @w, i16 7, ptr elementtype(i16) @w)
; CHECK: call void asm sideeffect "andb $1, %gs:$0", "=*m,ir,*m,{{.*}}"(ptr elementtype(i8) @b, i8 %m, ptr elementtype(i8) @b)
; CHECK: call void asm sideeffect "orl $1, %gs:$0"
; CHECK: call void asm sideeffect "xorq $1, %gs:$0"
; CHECK-NOT: atomicrmw
; CHECK: ret void
define void @updates(i64 %n, i8 %m) {
  %1 = atomicrmw add ptr addrspace(300) @q, i64 1 monotonic
  %2 = atomicrmw sub ptr addrspace(300) @l, i32 1 monotonic
  %3 = atomicrmw add ptr addrspace(300) @q, i64 %n monotonic
  %4 = atomicrmw sub ptr addrspace(300) @w, i16 7 monotonic
  %5 = atomicrmw and ptr addrspace(300) @b, i8 %m monotonic
  %6 = atomicrmw or ptr addrspace(300) @l, i32 3 monotonic
  %7 = atomicrmw xor ptr addrspace(300) @q, i64 %n monotonic
  ret void
}

; Stronger orderings keep a compiler barrier.
; CHECK-LABEL: define void @seq_cst(
; CHECK: call void asm sideeffect "incq %gs:$0", "=*m,*m,~{dirflag},~{fpsr},~{flags},~{memory}"
define void @seq_cst() {
  %1 = atomicrmw add ptr addrspace(300) @q, i64 1 seq_cst
  ret void
}

; CHECK-LABEL: define i64 @add_return(
; CHECK: [[OLD:%.*]] = call i64 asm sideeffect "xaddq $0, %gs:$1", "=r,=*m,0,*m,{{.*}}"(ptr elementtype(i64) @q, i64 %n, ptr elementtype(i64) @q)
; CHECK: add i64 [[OLD]], %n
define i64 @add_return(i64 %n) {
  %old = atomicrmw add ptr addrspace(300) @q, i64 %n monotonic
  %new = add i64 %old, %n
  ret i64 %new
}

; CHECK-LABEL: define i32 @sub_return(
; CHECK: [[NEG:%.*]] = sub i32 0, %n
; CHECK: call i32 asm sideeffect "xaddl $0, %gs:$1", "=r,=*m,0,*m,{{.*}}"(ptr elementtype(i32) @l, i32 [[NEG]], ptr elementtype(i32) @l)
define i32 @sub_return(i32 %n) {
  %old = atomicrmw sub ptr addrspace(300) @l, i32 %n monotonic
  ret i32 %old
}

; CHECK-LABEL: define { i64, i1 } @cmpxchg(
; CHECK: [[R:%.*]] = call { i64, i8 } asm sideeffect "cmpxchgq $3, %gs:$2", "={ax},={@ccz},=*m,r,0,*m,{{.*}}"(ptr elementtype(i64) @q, i64 %new, i64 %expected, ptr elementtype(i64) @q)
; CHECK: [[OLD:%.*]] = extractvalue { i64, i8 } [[R]], 0
; CHECK: icmp eq i64 [[OLD]], %expected
; CHECK-NOT: cmpxchg ptr
define { i64, i1 } @cmpxchg(i64 %expected, i64 %new) {
  %r = cmpxchg ptr addrspace(300) @q, i64 %expected, i64 %new monotonic monotonic
  ret { i64, i1 } %r
}

; CHECK-LABEL: define i64 @xchg(
; CHECK: [[INIT:%.*]] = load i64, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @q to i64) to ptr addrspace(256))
; CHECK: percpu.rmw.loop:
; CHECK: [[OLD:%.*]] = phi i64 [ [[INIT]], %{{.*}} ], [ [[SEEN:%.*]], %percpu.rmw.loop ]
; CHECK: [[R:%.*]] = call { i64, i8 } asm sideeffect "cmpxchgq $3, %gs:$2", "={ax},={@ccz},=*m,r,0,*m,{{.*}}"(ptr elementtype(i64) @q, i64 %n, i64 [[OLD]], ptr elementtype(i64) @q)
; CHECK: [[ZF:%.*]] = extractvalue { i64, i8 } [[R]], 1
; CHECK: [[OK:%.*]] = icmp ne i8 [[ZF]], 0
; CHECK: [[SEEN]] = extractvalue { i64, i8 } [[R]], 0
; CHECK: br i1 [[OK]], label %percpu.rmw.done, label %percpu.rmw.loop
; CHECK: percpu.rmw.done:
; CHECK: ret i64 [[SEEN]]
define i64 @xchg(i64 %n) {
  %old = atomicrmw xchg ptr addrspace(300) @q, i64 %n monotonic
  ret i64 %old
}

; Floating-point operations go through the same loop on the bits.
; CHECK-LABEL: define double @fadd(
; CHECK: percpu.rmw.loop:
; CHECK: [[OLD:%.*]] = bitcast i64 {{%.*}} to double
; CHECK: [[NEW:%.*]] = fadd double [[OLD]], %x
; CHECK: [[BITS:%.*]] = bitcast double [[NEW]] to i64
; CHECK: call { i64, i8 } asm sideeffect "cmpxchgq $3, %gs:$2", {{.*}}(ptr elementtype(i64) @d, i64 [[BITS]]
define double @fadd(double %x) {
  %old = atomicrmw fadd ptr addrspace(300) @d, double %x monotonic
  ret double %old
}
; SPDX-License-Identifier: BSD-2-Clause
