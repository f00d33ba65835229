; RUN: %percpu_opt -S %s | FileCheck %s
; Verify that the pass deletes the guard <percpu.h> plants (a reference to an undefined symbol that makes units built without the plugin fail to link), even in a unit with no per-CPU variable.

target triple = "x86_64-unknown-linux-gnu"

@__percpu_plugin_guard = internal constant ptr @percpu_llvm_plugin_missing__compile_with_percpu_cc_or_fpass_plugin, align 8
@percpu_llvm_plugin_missing__compile_with_percpu_cc_or_fpass_plugin = external global [0 x i8]
@other = internal global i32 0
@llvm.compiler.used = appending global [2 x ptr] [ptr @__percpu_plugin_guard, ptr @other], section "llvm.metadata"

; CHECK-NOT: percpu_plugin_guard
; CHECK-NOT: plugin_missing
; CHECK: @llvm.compiler.used = appending global [1 x ptr] [ptr @other]
; CHECK-NOT: percpu_plugin_guard
; SPDX-License-Identifier: BSD-2-Clause
