; RUN: %percpu_opt -mtriple=aarch64-linux-gnu -S %s -o %t.aarch64.ll
; Verify that gathers and scatters through vectors of per-CPU pointers (what the loop vectoriser makes of arr[idx[i]]) reach this CPU's copies on every architecture: the base is read once and added to every lane, giving a valid module that llc compiles, instead of a scalar ptrtoint of a vector.
; RUN: FileCheck %s --input-file=%t.aarch64.ll --check-prefixes=CHECK,AARCH64
; RUN: llc -mtriple=aarch64-linux-gnu %t.aarch64.ll -o /dev/null
; RUN: %percpu_opt -mtriple=riscv64-linux-gnu -S %s -o %t.riscv64.ll
; RUN: FileCheck %s --input-file=%t.riscv64.ll --check-prefixes=CHECK,RISCV64
; RUN: llc -mtriple=riscv64-linux-gnu -mattr=+v %t.riscv64.ll -o /dev/null
; RUN: %percpu_opt -mtriple=loongarch64-linux-gnu -S %s -o %t.loongarch64.ll
; RUN: FileCheck %s --input-file=%t.loongarch64.ll --check-prefixes=CHECK,LOONGARCH64
; RUN: llc -mtriple=loongarch64-linux-gnu %t.loongarch64.ll -o /dev/null
; RUN: %percpu_opt -mtriple=x86_64-linux-gnu -S %s -o %t.x86_64.ll
; RUN: FileCheck %s --input-file=%t.x86_64.ll --check-prefixes=CHECK,X86_64
; RUN: llc -mtriple=x86_64-linux-gnu -mattr=+avx512f %t.x86_64.ll -o /dev/null

@arr = addrspace(300) global [64 x i32] zeroinitializer

; CHECK-LABEL: define <4 x i32> @gather(
; CHECK: %[[TEMPLATE:[0-9]+]] = getelementptr [64 x i32], ptr @arr, i64 0, <4 x i64> %idx
; AARCH64-NEXT: %[[BASE:.+]] = call i64 @llvm.read_volatile_register.i64(metadata ![[REG:[0-9]+]])
; AARCH64-NEXT: %[[BASEP:.+]] = inttoptr i64 %[[BASE]] to ptr
; RISCV64-NEXT: %[[BASE:.+]] = call i64 asm sideeffect "add $0, $1, gp", "=r,r"(i64 0)
; RISCV64-NEXT: %[[BASEP:.+]] = inttoptr i64 %[[BASE]] to ptr
; LOONGARCH64-NEXT: %[[BASE:.+]] = call i64 asm sideeffect "add.d $0, $$r21, $1", "=r,r"(i64 0)
; LOONGARCH64-NEXT: %[[BASEP:.+]] = inttoptr i64 %[[BASE]] to ptr
; AARCH64-NEXT: %[[LANES:[0-9]+]] = ptrtoint <4 x ptr> %[[TEMPLATE]] to <4 x i64>
; AARCH64-NEXT: %[[PTRS:.+]] = getelementptr i8, ptr %[[BASEP]], <4 x i64> %[[LANES]]
; RISCV64-NEXT: %[[LANES:[0-9]+]] = ptrtoint <4 x ptr> %[[TEMPLATE]] to <4 x i64>
; RISCV64-NEXT: %[[PTRS:.+]] = getelementptr i8, ptr %[[BASEP]], <4 x i64> %[[LANES]]
; LOONGARCH64-NEXT: %[[LANES:[0-9]+]] = ptrtoint <4 x ptr> %[[TEMPLATE]] to <4 x i64>
; LOONGARCH64-NEXT: %[[PTRS:.+]] = getelementptr i8, ptr %[[BASEP]], <4 x i64> %[[LANES]]
; X86_64-NEXT: %[[OFF:.+]] = load i64, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @__percpu_self_offset to i64) to ptr addrspace(256))
; X86_64-NEXT: %[[PTRS:.+]] = getelementptr i8, <4 x ptr> %[[TEMPLATE]], i64 %[[OFF]]
; CHECK-NEXT: call <4 x i32> @llvm.masked.gather.v4i32.v4p0(<4 x ptr> {{(align 4 )?}}%[[PTRS]],
define <4 x i32> @gather(<4 x i64> %idx, <4 x i1> %m) {
  %p = getelementptr [64 x i32], ptr addrspace(300) @arr, i64 0, <4 x i64> %idx
  %v = call <4 x i32> @llvm.masked.gather.v4i32.v4p300(<4 x ptr addrspace(300)> %p, i32 4, <4 x i1> %m, <4 x i32> zeroinitializer)
  ret <4 x i32> %v
}

; A vector argument: the same, from its integer value.
; CHECK-LABEL: define void @scatter(
; AARCH64: call i64 @llvm.read_volatile_register.i64(
; RISCV64: call i64 asm sideeffect "add $0, $1, gp", "=r,r"(i64 0)
; LOONGARCH64: call i64 asm sideeffect "add.d $0, $$r21, $1", "=r,r"(i64 0)
; X86_64: load i64, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @__percpu_self_offset to i64)
; CHECK: call void @llvm.masked.scatter.v4i32.v4p0(<4 x i32> %v, <4 x ptr> {{(align 4 )?}}%percpu.ptr,
define void @scatter(<4 x ptr addrspace(300)> %p, <4 x i32> %v, <4 x i1> %m) {
  call void @llvm.masked.scatter.v4i32.v4p300(<4 x i32> %v, <4 x ptr addrspace(300)> %p, i32 4, <4 x i1> %m)
  ret void
}

; A vector of lanes from one per-CPU pointer argument (scalar base, vector
; index).
; CHECK-LABEL: define <2 x i64> @gather_from_arg({{.*}}{
; CHECK-NOT: x ptr addrspace(300)>
; CHECK: call <2 x i64> @llvm.masked.gather.v2i64.v2p0(
define <2 x i64> @gather_from_arg(ptr addrspace(300) %base, <2 x i64> %idx) {
  %p = getelementptr i64, ptr addrspace(300) %base, <2 x i64> %idx
  %v = call <2 x i64> @llvm.masked.gather.v2i64.v2p300(<2 x ptr addrspace(300)> %p, i32 8, <2 x i1> <i1 true, i1 true>, <2 x i64> zeroinitializer)
  ret <2 x i64> %v
}
; Declared, for LLVM 16's parser (later ones declare intrinsics on use).
declare <4 x i32> @llvm.masked.gather.v4i32.v4p300(<4 x ptr addrspace(300)>, i32, <4 x i1>, <4 x i32>)
declare void @llvm.masked.scatter.v4i32.v4p300(<4 x i32>, <4 x ptr addrspace(300)>, i32, <4 x i1>)
declare <2 x i64> @llvm.masked.gather.v2i64.v2p300(<2 x ptr addrspace(300)>, i32, <2 x i1>, <2 x i64>)
; SPDX-License-Identifier: BSD-2-Clause
