// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -S -emit-llvm -o - %s | FileCheck %s --check-prefix=IR
// Verify that __attribute__((annotate)) on a per-CPU variable compiles (clang names the variable in llvm.global.annotations through a cast to an ordinary pointer, which the final check used to reject as a cast that reaches the template): the annotation names the template's symbol, and the accesses still reach this CPU's copy, as do those of an annotated member, at -O0 and -O2, on x86_64 and AArch64.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -S -emit-llvm -o - %s | FileCheck %s --check-prefix=IR
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -S -o - %s | FileCheck %s --check-prefix=X86
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -O2 -S -emit-llvm -o - %s | FileCheck %s --check-prefix=IR
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -O2 -S -o - %s | FileCheck %s --check-prefix=A64
#include <percpu.h>

DEFINE_PER_CPU(int, hot_counter) __attribute__((annotate("hot"))) = 3;
DEFINE_PER_CPU(long, plain);
/* A member's annotation is an llvm.ptr.annotation call on the per-CPU
 * pointer, which the lowering passes through. */
struct annotated_member {
  int x __attribute__((annotate("member")));
};
DEFINE_PER_CPU(struct annotated_member, with_member);

// IR: @hot_counter = {{.*}}global i32 3, section "percpu"
// IR: @llvm.global.annotations = {{.*}}{ ptr @hot_counter, ptr @{{[^,]+}}, ptr @{{[^,]+}}, i32 {{[0-9]+}}, ptr null }
// IR-NOT: addrspacecast

// X86-LABEL: bump:
// X86: incl %gs:hot_counter(%rip)
// A64-LABEL: bump:
// A64-DAG: mrs [[BASE:x[0-9]+]], TPIDR_EL1
// A64-DAG: add [[OFF:x[0-9]+]], {{x[0-9]+}}, :lo12:hot_counter
// A64: ldr {{w[0-9]+}}, [[[BASE]], [[OFF]]]
// A64: str {{w[0-9]+}}, [[[BASE]], [[OFF]]]
void bump(void) { hot_counter++; }

// X86-LABEL: set_member:
// X86: movl %edi, %gs:with_member(%rip)
// A64-LABEL: set_member:
// A64: mrs {{x[0-9]+}}, TPIDR_EL1
void set_member(int v) { with_member.x = v; }

long read_plain(void) { return this_cpu_read(plain); }
