; RUN: not %percpu_clang -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
; RUN: not %percpu_clang -O0 -c --target=aarch64-linux-gnu %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
; Verify that the final check judges a direct call by what its callee was defined with, in both directions and through aliases, and that aliases and stack slots cannot produce or expose per-CPU memory: a per-CPU pointer passed to an alias of a function taking an ordinary pointer, an ordinary pointer passed where the callee takes a per-CPU one, a call typed to return an ordinary pointer from a function returning a per-CPU one (and the reverse), an ordinary alias of a cast of a per-CPU variable (which aarch64 emitted as the template's symbol and x86 crashed on), and an alloca in the per-CPU space are each an error, while a matching call through an alias compiles.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@v = addrspace(300) global i64 0, align 8
@plain = global i64 0, align 8

; Another unit's "extern long a; a++" would reach the template.
; CHECK-DAG: error: 'cast_alias': an alias of a per-CPU variable is not supported
@cast_alias = alias i64, addrspacecast (ptr addrspace(300) @v to ptr)
; CHECK-DAG: error: 'offset_cast_alias': an alias of a per-CPU variable is not supported
@offset_cast_alias = alias i32, getelementptr (i8, ptr addrspacecast (ptr addrspace(300) @v to ptr), i64 4)

define void @writes_plain(ptr %p) {
  store i64 1, ptr %p
  ret void
}
@writes_plain_alias = alias void (ptr), ptr @writes_plain

define void @writes_percpu(ptr addrspace(300) %p) {
  store i64 1, ptr addrspace(300) %p
  ret void
}
@writes_percpu_alias = alias void (ptr addrspace(300)), ptr @writes_percpu

define ptr addrspace(300) @returns_percpu() {
  ret ptr addrspace(300) @v
}

define ptr @returns_plain() {
  ret ptr @plain
}

; The alias's function stores through an ordinary pointer: the template.
; CHECK-DAG: error: {{.*}}in function percpu_to_alias_of_plain{{.*}}: a cast between a per-CPU pointer and an ordinary pointer reaches the template
define void @percpu_to_alias_of_plain() {
  call void @writes_plain_alias(ptr addrspace(300) @v)
  ret void
}

; The callee would add this CPU's offset to an ordinary address.
; CHECK-DAG: error: {{.*}}in function plain_to_percpu_parameter{{.*}}: a cast between a per-CPU pointer and an ordinary pointer
define void @plain_to_percpu_parameter() {
  call void @writes_percpu(ptr @plain)
  ret void
}

; CHECK-DAG: error: {{.*}}in function percpu_result_as_plain{{.*}}: a cast between a per-CPU pointer and an ordinary pointer reaches the template
define i64 @percpu_result_as_plain() {
  %p = call ptr @returns_percpu()
  %x = load i64, ptr %p
  ret i64 %x
}

; CHECK-DAG: error: {{.*}}in function plain_result_as_percpu{{.*}}: a cast between a per-CPU pointer and an ordinary pointer
define i64 @plain_result_as_percpu() {
  %p = call ptr addrspace(300) @returns_plain()
  %x = load i64, ptr addrspace(300) %p
  ret i64 %x
}

; A per-CPU pointer's value is a template address; a stack slot has none.
; CHECK-DAG: error: {{.*}}in function percpu_stack_slot{{.*}}: a stack slot cannot be per-CPU
define i64 @percpu_stack_slot() {
  %slot = alloca i64, align 8, addrspace(300)
  store i64 1, ptr addrspace(300) %slot
  %x = load i64, ptr addrspace(300) %slot
  ret i64 %x
}

; Through an alias to a function that takes a per-CPU pointer: no error.
define void @percpu_to_alias_of_percpu() {
  call void @writes_percpu_alias(ptr addrspace(300) @v)
  ret void
}

; SPDX-License-Identifier: BSD-2-Clause
