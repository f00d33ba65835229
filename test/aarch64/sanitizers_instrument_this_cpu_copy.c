// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -O2 -fsanitize=kernel-address -mllvm -asan-instrumentation-with-call-threshold=0 -S -emit-llvm -o - %s | FileCheck %s '--implicit-check-not=@__asan_{{load|store|report}}{{.*}}(i64 ptrtoint' '--implicit-check-not=@memcpy(ptr @'
// Verify that on aarch64, where a lowered per-CPU access is an ordinary pointer (base register plus template address), KASAN and ASan check this CPU's copy: every check call and every memcpy gets that pointer, none the template.
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -O2 -fsanitize=address -mllvm -asan-instrumentation-with-call-threshold=0 -S -emit-llvm -o - %s | FileCheck %s '--implicit-check-not=@__asan_{{load|store|report}}{{.*}}(i64 ptrtoint' '--implicit-check-not=@__asan_memcpy(ptr @'

#include <percpu.h>

struct stats {
  long a, b, c;
};
DEFINE_PER_CPU(struct stats, st);
DEFINE_PER_CPU(long, counter);

// CHECK-LABEL: define {{.*}}i64 @read_counter(
// CHECK: %[[BASE:.+]] = call i64 @llvm.read_volatile_register.i64(
// CHECK: %[[BASEP:.+]] = inttoptr i64 %[[BASE]] to ptr
// CHECK: %[[P:.+]] = getelementptr i8, ptr %[[BASEP]], i64 ptrtoint (ptr @counter to i64)
// CHECK: %[[A:.+]] = ptrtoint ptr %[[P]] to i64
// CHECK: call void @__asan_load8{{(_noabort)?}}(i64 %[[A]])
// CHECK: load atomic i64, ptr %[[P]] monotonic
long read_counter(void) { return this_cpu_read(counter); }

// CHECK-LABEL: define {{.*}}void @bump(
// CHECK: %[[P:.+]] = getelementptr i8, ptr %{{.+}}, i64 ptrtoint (ptr getelementptr inbounds {{(nuw )?}}({{i8, ptr @st, i64 8|%struct.stats, ptr @st, i64 0, i32 1}}) to i64)
// CHECK: %[[A:.+]] = ptrtoint ptr %[[P]] to i64
// CHECK: call void @__asan_load8{{(_noabort)?}}(i64 %[[A]])
// The load and the store share one pointer (one base read), so ASan's
// check of the load covers the store.
// CHECK: store i64 %{{.+}}, ptr %[[P]]
void bump(void) { st.b++; }

// CHECK-LABEL: define {{.*}}void @copy_in(
// CHECK: %[[P:.+]] = getelementptr i8, ptr %{{.+}}, i64 ptrtoint (ptr @st to i64)
// CHECK: call ptr @{{(__asan_)?}}memcpy(ptr %[[P]], ptr %s, i64 24)
void copy_in(const struct stats *s) { st = *s; }
// SPDX-License-Identifier: BSD-2-Clause
