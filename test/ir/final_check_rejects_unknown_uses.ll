; RUN: not %percpu_clang -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
; Verify that the pass's final check is an allowlist: IR forms that hand a per-CPU pointer to something the lowering does not know (a funclet pad's operands, an operand bundle, a variadic or byval argument of a program function, a call with a mismatched parameter type, a memory-touching intrinsic's pointer hidden in a struct-typed call, a cast hidden in a constant) are each an error naming the function, while the uses known to keep the pointer's meaning (GEP, phi, select, icmp, freeze, ptrtoint, a stored or returned pointer value, a __percpu parameter, pointer-only intrinsics) compile.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@v = addrspace(300) global i64 0, align 8
@arr = addrspace(300) global [4 x i64] zeroinitializer, align 8
@slot = global ptr addrspace(300) null, align 8

declare void @takes_percpu(ptr addrspace(300))
declare void @takes_plain(ptr)
declare void @variadic(i32, ...)
declare void @by_value(ptr byval(i64))
declare void @may_throw()
declare i32 @__CxxFrameHandler3(...)
declare ptr addrspace(300) @llvm.ptrmask.p300.i64(ptr addrspace(300), i64)
declare ptr addrspace(300) @llvm.launder.invariant.group.p300(ptr addrspace(300))
declare void @llvm.assume(i1)

; Everything here only moves or compares per-CPU pointers: no error.
define ptr addrspace(300) @allowed(i1 %c, i64 %i) {
entry:
  %g = getelementptr [4 x i64], ptr addrspace(300) @arr, i64 0, i64 %i
  br i1 %c, label %then, label %join
then:
  br label %join
join:
  %p = phi ptr addrspace(300) [ %g, %entry ], [ @v, %then ]
  %s = select i1 %c, ptr addrspace(300) %p, ptr addrspace(300) @v
  %f = freeze ptr addrspace(300) %s
  %eq = icmp eq ptr addrspace(300) %f, @v
  %int = ptrtoint ptr addrspace(300) %f to i64
  store ptr addrspace(300) %f, ptr @slot
  call void @takes_percpu(ptr addrspace(300) %f)
  %m = call ptr addrspace(300) @llvm.ptrmask.p300.i64(ptr addrspace(300) %f, i64 -8)
  %l = call ptr addrspace(300) @llvm.launder.invariant.group.p300(ptr addrspace(300) %m)
  ret ptr addrspace(300) %l
}

; CHECK-DAG: error: {{.*}}in function funclet_operand{{.*}}: a per-CPU pointer reaches an operation the pass does not know
define void @funclet_operand() personality ptr @__CxxFrameHandler3 {
entry:
  invoke void @may_throw() to label %done unwind label %cleanup
cleanup:
  %pad = cleanuppad within none [ptr addrspace(300) @v]
  cleanupret from %pad unwind to caller
done:
  ret void
}

; CHECK-DAG: error: {{.*}}in function bundle_operand{{.*}}: a per-CPU pointer in an operand bundle is not supported
define void @bundle_operand() {
  call void @llvm.assume(i1 true) [ "align"(ptr addrspace(300) @v, i64 8) ]
  ret void
}

; CHECK-DAG: error: {{.*}}in function variadic_argument{{.*}}: a per-CPU pointer passed as a variadic argument would be read as an ordinary pointer to the template
define void @variadic_argument() {
  call void (i32, ...) @variadic(i32 1, ptr addrspace(300) @v)
  ret void
}

; CHECK-DAG: error: {{.*}}in function byval_argument{{.*}}: a per-CPU object passed by value would be copied from the template
define void @byval_argument() {
  call void @by_value(ptr addrspace(300) byval(i64) @v)
  ret void
}

; The call's own type says per-CPU, the callee's declaration does not.
; CHECK-DAG: error: {{.*}}in function mismatched_call{{.*}}: a cast between a per-CPU pointer and an ordinary pointer reaches the template
define void @mismatched_call() {
  call void @takes_plain(ptr addrspace(300) @v)
  ret void
}

; CHECK-DAG: error: {{.*}}in function hidden_constant_cast{{.*}}: a cast between a per-CPU pointer and an ordinary pointer reaches the template
define i64 @hidden_constant_cast() {
  %x = load i64, ptr getelementptr (i8, ptr addrspacecast (ptr addrspace(300) @v to ptr), i64 0)
  ret i64 %x
}

; An unprototyped call (void f(); f(&v);): clang types the call after its
; arguments; the callee's declaration decides.
declare void @unprototyped(...)
; CHECK-DAG: error: {{.*}}in function unprototyped_call{{.*}}: a per-CPU pointer passed as a variadic argument
define void @unprototyped_call() {
  call void @unprototyped(ptr addrspace(300) @v)
  ret void
}

; A constant cast reaching a phi: made an instruction in the incoming block,
; then reported there.
; CHECK-DAG: error: {{.*}}in function phi_of_constant_cast{{.*}}: a cast between a per-CPU pointer and an ordinary pointer reaches the template
define i64 @phi_of_constant_cast(i1 %c, ptr %q) {
entry:
  br i1 %c, label %cast, label %join
cast:
  br label %join
join:
  %p = phi ptr [ addrspacecast (ptr addrspace(300) @v to ptr), %cast ], [ %q, %entry ]
  %x = load i64, ptr %p
  ret i64 %x
}

; SPDX-License-Identifier: BSD-2-Clause
