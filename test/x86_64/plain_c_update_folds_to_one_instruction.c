// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that plain C updates of a per-CPU variable (hits++, hits += n, |=, &=, ^=, and the __this_cpu_*/raw_cpu_* forms, which are plain C) fold at -O2 into one %gs:-prefixed read-modify-write instruction with no LOCK and no inline asm, and at -O0 read and write this CPU's copy through %gs:.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=O0

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
DEFINE_PER_CPU(unsigned int, hits32);
DEFINE_PER_CPU(unsigned short, hits16);
DEFINE_PER_CPU(unsigned char, flags8);

// CHECK-LABEL: {{^}}hits_inc:
// CHECK-NOT: lock
// CHECK-NEXT: incq %gs:hits(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}hits_inc:
// O0: %gs:hits(%rip), %
// O0: %{{[a-z]+}}, %gs:hits(%rip)
// O0: retq
void hits_inc(void) { hits++; }

// CHECK-LABEL: {{^}}hits_pre_inc:
// CHECK-NOT: lock
// CHECK-NEXT: incq %gs:hits(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}hits_pre_inc:
// O0: %gs:hits(%rip), %
// O0: %{{[a-z]+}}, %gs:hits(%rip)
// O0: retq
void hits_pre_inc(void) { ++hits; }

// CHECK-LABEL: {{^}}hits_add:
// CHECK-NOT: lock
// CHECK-NEXT: addq %rdi, %gs:hits(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}hits_add:
// O0: %gs:hits(%rip), %
// O0: %{{[a-z]+}}, %gs:hits(%rip)
// O0: retq
void hits_add(unsigned long n) { hits += n; }

// CHECK-LABEL: {{^}}hits_add_imm:
// CHECK-NOT: lock
// CHECK-NEXT: addq $100, %gs:hits(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}hits_add_imm:
// O0: %gs:hits(%rip), %
// O0: %{{[a-z]+}}, %gs:hits(%rip)
// O0: retq
void hits_add_imm(void) { hits += 100; }

// CHECK-LABEL: {{^}}hits32_sub:
// CHECK-NOT: lock
// CHECK-NEXT: subl %edi, %gs:hits32(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}hits32_sub:
// O0: %gs:hits32(%rip), %
// O0: %{{[a-z]+}}, %gs:hits32(%rip)
// O0: retq
void hits32_sub(unsigned int n) { hits32 -= n; }

// CHECK-LABEL: {{^}}hits32_dec:
// CHECK-NOT: lock
// CHECK-NEXT: decl %gs:hits32(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}hits32_dec:
// O0: %gs:hits32(%rip), %
// O0: %{{[a-z]+}}, %gs:hits32(%rip)
// O0: retq
void hits32_dec(void) { hits32--; }

// CHECK-LABEL: {{^}}hits16_add:
// CHECK-NOT: lock
// CHECK-NEXT: addw $3, %gs:hits16(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}hits16_add:
// O0: %gs:hits16(%rip), %
// O0: %{{[a-z]+}}, %gs:hits16(%rip)
// O0: retq
void hits16_add(void) { hits16 += 3; }

// CHECK-LABEL: {{^}}flags8_or:
// CHECK-NOT: lock
// CHECK-NEXT: orb $4, %gs:flags8(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}flags8_or:
// O0: %gs:flags8(%rip), %
// O0: %{{[a-z]+}}, %gs:flags8(%rip)
// O0: retq
void flags8_or(void) { flags8 |= 4; }

// CHECK-LABEL: {{^}}flags8_and:
// CHECK-NOT: lock
// CHECK-NEXT: andb %dil, %gs:flags8(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}flags8_and:
// O0: %gs:flags8(%rip), %
// O0: %{{[a-z]+}}, %gs:flags8(%rip)
// O0: retq
void flags8_and(unsigned char m) { flags8 &= m; }

// CHECK-LABEL: {{^}}flags8_xor:
// CHECK-NOT: lock
// CHECK-NEXT: xorb $1, %gs:flags8(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}flags8_xor:
// O0: %gs:flags8(%rip), %
// O0: %{{[a-z]+}}, %gs:flags8(%rip)
// O0: retq
void flags8_xor(void) { flags8 ^= 1; }

// CHECK-LABEL: {{^}}raw_inc:
// CHECK-NOT: lock
// CHECK-NEXT: incq %gs:hits(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_inc:
// O0: %gs:hits(%rip), %
// O0: %{{[a-z]+}}, %gs:hits(%rip)
// O0: retq
void raw_inc(void) { __this_cpu_inc(hits); }

// CHECK-LABEL: {{^}}raw_add:
// CHECK-NOT: lock
// CHECK-NEXT: addq %rdi, %gs:hits(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_add:
// O0: %gs:hits(%rip), %
// O0: %{{[a-z]+}}, %gs:hits(%rip)
// O0: retq
void raw_add(unsigned long n) { raw_cpu_add(hits, n); }

// CHECK-LABEL: {{^}}raw_or:
// CHECK-NOT: lock
// CHECK-NEXT: orl %edi, %gs:hits32(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_or:
// O0: %gs:hits32(%rip), %
// O0: %{{[a-z]+}}, %gs:hits32(%rip)
// O0: retq
void raw_or(unsigned int m) { __this_cpu_or(hits32, m); }

// CHECK-NOT: {{lock|#APP}}
// O0-NOT: lock
// SPDX-License-Identifier: BSD-2-Clause
