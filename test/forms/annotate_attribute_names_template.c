// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -S -emit-llvm -o - %s | FileCheck %s --check-prefix=IR
// Verify that __attribute__((annotate)) on a per-CPU variable compiles (clang names the variable in llvm.global.annotations through a cast to an ordinary pointer, which the final check used to reject as a cast that reaches the template): the annotation names the template's symbol, and the accesses still reach this CPU's copy, at -O0 and -O2, on x86_64 and AArch64.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -S -emit-llvm -o - %s | FileCheck %s --check-prefix=IR
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -S -o - %s | FileCheck %s --check-prefix=X86
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -O2 -S -emit-llvm -o - %s | FileCheck %s --check-prefix=IR
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -O2 -S -o - %s | FileCheck %s --check-prefix=A64
#include <percpu.h>

DEFINE_PER_CPU(int, hot_counter) __attribute__((annotate("hot"))) = 3;
DEFINE_PER_CPU(long, plain);

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

long read_plain(void) { return this_cpu_read(plain); }
