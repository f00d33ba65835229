// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -O2 -fsanitize=kernel-address -mllvm -asan-instrumentation-with-call-threshold=0 -S -emit-llvm -o - %s | FileCheck %s --implicit-check-not=ldx --implicit-check-not=amadd
// Verify that on LoongArch, in a sanitized function, per-CPU reads and read-modify-writes stay ordinary IR on base + template address (no ldx or AMO asm, which would hide the access), so KASAN checks this CPU's copy.
#include <percpu.h>

DEFINE_PER_CPU(long, arr[8]);

// CHECK-LABEL: define {{.*}}i64 @read_at(
// CHECK: %[[P:.+]] = inttoptr i64 %percpu.addr to ptr
// CHECK: %[[A:.+]] = ptrtoint ptr %[[P]] to i64
// CHECK: call void @__asan_load8{{(_noabort)?}}(i64 %[[A]])
// CHECK: load i64, ptr %[[P]]
long read_at(int i) { return arr[i]; }

// CHECK-LABEL: define {{.*}}void @add(
// CHECK: %[[P:.+]] = inttoptr i64 %percpu.addr to ptr
// CHECK: call void @__asan_{{load|store}}8{{(_noabort)?}}(
// CHECK: atomicrmw add ptr %[[P]]
void add(long x) { this_cpu_add(arr[1], x); }
// SPDX-License-Identifier: BSD-2-Clause
