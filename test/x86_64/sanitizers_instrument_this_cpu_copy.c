// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fsanitize=address -S -emit-llvm -o - %s | FileCheck %s --check-prefixes=CHECK,ASAN -DSCOPE= '--implicit-check-not=addrspacecast' '--implicit-check-not=@__asan_{{.*}}addrspace('
// Verify that no sanitizer reaches the template instead of this CPU's copy: under ASan, TSan, MSan and KASAN a per-CPU memcpy/memset goes to this CPU's plain address (template plus %gs:__percpu_self_offset), where the sanitizer checks it, and the accesses left on %gs: (this_cpu_read/write, plain loads and stores, the read-modify-write asm) carry !nosanitize, so that no runtime call gets their address without its segment (llvm#124238).
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fsanitize=thread -S -emit-llvm -o - %s | FileCheck %s --check-prefixes=CHECK,TSAN '--implicit-check-not=@__tsan_{{.*}}addrspace(' %if tsan-nosanitize-atomics %{ -DSCOPE= %} %else %{ '-DSCOPE=syncscope("singlethread") ' %}
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fsanitize=memory -S -emit-llvm -o - %s | FileCheck %s --check-prefixes=CHECK,MSAN -DSCOPE= '--implicit-check-not=@__msan_{{.*}}addrspace(' --implicit-check-not=@__msan_warning
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -ffreestanding -mno-sse -mcmodel=kernel -fsanitize=kernel-address -S -emit-llvm -o - %s | FileCheck %s --check-prefixes=CHECK,KASAN -DSCOPE= '--implicit-check-not=addrspacecast' '--implicit-check-not=@__asan_{{.*}}addrspace(' '--implicit-check-not=@mem{{.*}}addrspace('

#include <percpu.h>

struct stats {
  long a, b, c;
};
DEFINE_PER_CPU(struct stats, st);
DEFINE_PER_CPU(long, counter);
DEFINE_PER_CPU(long, arr[64]);

// CHECK-LABEL: define {{.*}}void @copy_in(
// CHECK: %[[OFF:.+]] = load i64, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @__percpu_self_offset to i64) to ptr addrspace(256)), align 8, !nosanitize
// CHECK: %[[P:.+]] = getelementptr i8, ptr @st, i64 %[[OFF]]
// ASAN: call ptr @__asan_memcpy(ptr %[[P]], ptr %s, i64 24)
// TSAN: call ptr @__tsan_memcpy(ptr %[[P]], ptr %{{.*}}, i64 24)
// MSAN: call ptr @__msan_memcpy(ptr %[[P]], ptr %s, i64 24)
// KASAN: call ptr @memcpy(ptr %[[P]], ptr %s, i64 24)
void copy_in(const struct stats *s) { st = *s; }

// CHECK-LABEL: define {{.*}}void @clear_all(
// ASAN: call ptr @__asan_memset(ptr %{{.*}}, i32 0, i64 512)
// TSAN: call ptr @__tsan_memset(ptr %{{.*}}, i32 0, i64 512)
// MSAN: call ptr @__msan_memset(ptr %{{.*}}, i32 0, i64 512)
// KASAN: call ptr @memset(ptr %{{.*}}, i32 0, i64 512)
void clear_all(void) { __builtin_memset(arr, 0, sizeof(arr)); }

// CHECK-LABEL: define {{.*}}i64 @read_counter(
// CHECK-NOT: call {{.*}}@__{{a|t|m}}san
// CHECK: load atomic i64, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @counter to i64) to ptr addrspace(256)) [[SCOPE]]monotonic, align 8, !nosanitize
long read_counter(void) { return this_cpu_read(counter); }

// CHECK-LABEL: define {{.*}}void @write_counter(
// CHECK-NOT: call {{.*}}@__{{a|t|m}}san
// CHECK: store atomic i64 %{{.*}}, ptr addrspace(256) inttoptr (i64 ptrtoint (ptr @counter to i64) to ptr addrspace(256)) [[SCOPE]]monotonic, align 8, !nosanitize
void write_counter(long v) { this_cpu_write(counter, v); }

// CHECK-LABEL: define {{.*}}i64 @plain_update(
// CHECK: load i64, ptr addrspace(256) {{.*}}, !nosanitize
// CHECK: store i64 %{{.*}}, ptr addrspace(256) {{.*}}, !nosanitize
long plain_update(unsigned i) { return arr[i & 63]++; }

// CHECK-LABEL: define {{.*}}void @add_counter(
// CHECK: call void asm sideeffect "addq $1, %gs:$0", {{.*}}(ptr {{.*}}@counter, {{.*}}){{.*}}, !nosanitize
void add_counter(long v) { this_cpu_add(counter, v); }
// SPDX-License-Identifier: BSD-2-Clause
