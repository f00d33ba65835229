// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -Wno-atomic-alignment -Wno-address-of-packed-member -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that this_cpu_read/this_cpu_write of a misaligned (packed) per-CPU member reach this CPU's copy with one %gs:-prefixed mov, as the read-modify-writes on the same member do, and never become an __atomic_load/__atomic_store library call, which would be handed the template's address (leaq pkd+1(%rip)) without %gs: and so read and write the template shared by all CPUs.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -Wno-atomic-alignment -Wno-address-of-packed-member -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=O0

#include <percpu.h>

struct __attribute__((packed)) packed {
  char tag;
  unsigned long value;
  unsigned int count;
};

DEFINE_PER_CPU(struct packed, pkd);

// CHECK-LABEL: {{^}}read_misaligned:
// CHECK-NOT: __atomic
// CHECK: movq %gs:pkd+1(%rip), %rax
// CHECK-NOT: __atomic
// CHECK: retq
// O0-LABEL: {{^}}read_misaligned:
// O0-NOT: __atomic
// O0: movq %gs:pkd+1(%rip), %{{[a-z0-9]+}}
// O0-NOT: __atomic
// O0: retq
unsigned long read_misaligned(void) { return this_cpu_read(pkd.value); }

// CHECK-LABEL: {{^}}write_misaligned:
// CHECK-NOT: __atomic
// CHECK: movq %rdi, %gs:pkd+1(%rip)
// CHECK-NOT: __atomic
// CHECK: retq
// O0-LABEL: {{^}}write_misaligned:
// O0-NOT: __atomic
// O0: movq %{{[a-z0-9]+}}, %gs:pkd+1(%rip)
// O0-NOT: __atomic
// O0: retq
void write_misaligned(unsigned long v) { this_cpu_write(pkd.value, v); }

// CHECK-LABEL: {{^}}read_misaligned_u32:
// CHECK-NOT: __atomic
// CHECK: movl %gs:pkd+9(%rip), %eax
// CHECK-NOT: __atomic
// CHECK: retq
// O0-LABEL: {{^}}read_misaligned_u32:
// O0-NOT: __atomic
// O0: movl %gs:pkd+9(%rip), %{{[a-z0-9]+}}
// O0-NOT: __atomic
// O0: retq
unsigned int read_misaligned_u32(void) { return this_cpu_read(pkd.count); }

// The read-modify-writes on the same member already work this way.
// CHECK-LABEL: {{^}}add_misaligned:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: addq %rdi, %gs:pkd+1(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
void add_misaligned(unsigned long n) { this_cpu_add(pkd.value, n); }

// CHECK-LABEL: {{^}}cmpxchg_misaligned:
// CHECK-NEXT: movq %rdi, %rax
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: cmpxchgq %rsi, %gs:pkd+1(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
unsigned long cmpxchg_misaligned(unsigned long o, unsigned long n) { return this_cpu_cmpxchg(pkd.value, o, n); }

// No library call anywhere would see a template address.
// CHECK-NOT: __atomic
// O0-NOT: __atomic
// SPDX-License-Identifier: BSD-2-Clause
