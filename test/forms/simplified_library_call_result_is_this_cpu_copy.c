// RUN: %percpu_clang --target=x86_64-linux-gnu -nostdinc -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s
// Verify that the value of a library call on per-CPU memory (strcpy, stpcpy, strcat, strncpy, strchr(s, 0), strstr(s, "")) is this CPU's copy at -O1 and up, where the optimiser would otherwise fold the call into its per-CPU argument and return the template's address.
// RUN: %percpu_clang --target=x86_64-linux-gnu -nostdinc -O1 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s
// RUN: %percpu_clang --target=aarch64-linux-gnu -nostdinc -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=A64
#include <percpu.h>

typedef __SIZE_TYPE__ size_t;
char *strcpy(char *d, const char *s);
char *stpcpy(char *d, const char *s);
char *strcat(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *s, const char *t);

DEFINE_PER_CPU(char, name[32]);

// CHECK-LABEL: copied:
// CHECK: leaq name(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp strcpy
// A64-LABEL: copied:
// A64: mrs [[BASE:x[0-9]+]], TPIDR_EL1
// A64: add x0, [[BASE]], {{x[0-9]+}}
// A64: b strcpy
char *copied(void) { return strcpy(name, "abc"); }

// CHECK-LABEL: copied_end:
// CHECK: leaq name(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp stpcpy
char *copied_end(void) { return stpcpy(name, "abc"); }

// CHECK-LABEL: appended:
// CHECK: leaq name(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp strcat
char *appended(void) { return strcat(name, ""); }

// CHECK-LABEL: copied_n:
// CHECK: leaq name(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp strncpy
char *copied_n(void) { return strncpy(name, "ab", 2); }

// CHECK-LABEL: end:
// CHECK: leaq name(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp strchr
char *end(void) { return strchr(name, 0); }

// CHECK-LABEL: found:
// CHECK: leaq name(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp strstr
char *found(void) { return strstr(name, ""); }

// SPDX-License-Identifier: BSD-2-Clause
