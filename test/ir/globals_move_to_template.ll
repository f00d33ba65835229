; RUN: %percpu_opt -S %s | FileCheck %s
; Verify that per-CPU globals become dso_local templates in section "percpu" (debug info and used-ness kept), that references and per-CPU pointers in static initialisers survive as inttoptr(ptrtoint), and that one alignment record is emitted.

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-DAG: @hits = dso_local global i64 0, section "percpu", align 8, !dbg
; CHECK-DAG: @st = dso_local global { i64, i64 } { i64 -1, i64 0 }, section "percpu", align 8
; CHECK-DAG: @big = internal global [4 x i64] zeroinitializer, section "percpu", align 128
; CHECK-DAG: @kept = dso_local global i32 1, section "percpu", align 4
; CHECK-DAG: @ext = external dso_local global i32{{$}}
@hits = dso_local addrspace(300) global i64 0, align 8, !dbg !0
@st = dso_local addrspace(300) global { i64, i64 } { i64 -1, i64 0 }, align 8
@big = internal addrspace(300) global [4 x i64] zeroinitializer, align 128
@kept = dso_local addrspace(300) global i32 1, align 4
@ext = external addrspace(300) global i32

; A per-CPU pointer stored in an ordinary global keeps the template address.
; CHECK-DAG: @gp = dso_local global ptr addrspace(300) getelementptr (i8, ptr addrspace(300) inttoptr (i64 ptrtoint (ptr @st to i64) to ptr addrspace(300)), i64 8)
@gp = dso_local global ptr addrspace(300) getelementptr (i8, ptr addrspace(300) @st, i64 8), align 8

; The largest alignment among this unit's definitions (not the declaration).
; CHECK-DAG: @__percpu_align_record = private constant i32 128, section "percpu_align", align 4
; CHECK-DAG: @llvm.used = appending global [3 x ptr] [ptr @__percpu_runtime_check, ptr @kept, ptr @__percpu_align_record]
@llvm.used = appending global [1 x ptr] [ptr addrspacecast (ptr addrspace(300) @kept to ptr)], section "llvm.metadata"

; CHECK-NOT: addrspace(300) global
; CHECK-LABEL: define i32 @use(
; CHECK: load i32, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @ext to i64) to ptr addrspace(256))
define i32 @use() {
  %v = load i32, ptr addrspace(300) @ext
  %b = load i64, ptr addrspace(300) @big
  ret i32 %v
}

!llvm.dbg.cu = !{!2}
!llvm.module.flags = !{!5}
!0 = !DIGlobalVariableExpression(var: !1, expr: !DIExpression())
!1 = distinct !DIGlobalVariable(name: "hits", scope: !2, file: !3, line: 3, type: !4, isLocal: false, isDefinition: true)
!2 = distinct !DICompileUnit(language: DW_LANG_C11, file: !3, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug, globals: !{!0})
!3 = !DIFile(filename: "t.c", directory: "/tmp")
!4 = !DIBasicType(name: "unsigned long", size: 64, encoding: DW_ATE_unsigned)
!5 = !{i32 2, !"Debug Info Version", i32 3}
; SPDX-License-Identifier: BSD-2-Clause
