// RUN: %percpu_clang --target=x86_64-linux-gnu -nostdinc -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s
// Verify that C library calls that glibc's headers send to another symbol (the C99 and C23 scanf and strtol families by asm label, printf's _FORTIFY_SOURCE wrapper of __printf_chk, vprintf's extern inline definition) get an ordinary pointer to this CPU's copy, as the same calls do under their own names, instead of an error.
// RUN: %percpu_clang --target=x86_64-linux-gnu -nostdinc -O0 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=O0
// RUN: %percpu_clang --target=aarch64-linux-gnu -nostdinc -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=A64
#include <percpu.h>

/* The declarations as glibc 2.36-2.41 makes them (<stdio.h>, <stdlib.h>,
 * <bits/stdio.h>, <bits/stdio2.h>), without the headers, whose versions
 * differ. */
typedef struct _IO_FILE FILE;
extern FILE *stdout;
extern int fscanf(FILE *stream, const char *format, ...) __asm__("__isoc99_fscanf");
extern int sscanf(const char *s, const char *format, ...) __asm__("__isoc23_sscanf");
extern long strtol(const char *s, char **end, int base) __asm__("__isoc23_strtol");
extern int __printf_chk(int flag, const char *format, ...);
/* _FORTIFY_SOURCE, for a compiler without __builtin_va_arg_pack (clang) */
#define printf(...) __printf_chk(1, __VA_ARGS__)
extern int vfprintf(FILE *stream, const char *format, __builtin_va_list ap);
extern __inline __attribute__((__gnu_inline__)) int
vprintf(const char *format, __builtin_va_list ap) {
  return vfprintf(stdout, format, ap);
}

DEFINE_PER_CPU(int, count);
DEFINE_PER_CPU(char, name[32]);
DEFINE_PER_CPU(__builtin_va_list, args);

// CHECK-LABEL: read_count:
// CHECK: leaq count(%rip), %rdx
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdx
// CHECK: jmp __isoc99_fscanf
// O0-LABEL: read_count:
// O0: movq %gs:__percpu_self_offset(%rip), [[OFF:%r[a-z0-9]+]]
// O0: addq [[OFF]], %r{{..}}
// O0: callq __isoc99_fscanf
// A64-LABEL: read_count:
// A64: mrs [[BASE:x[0-9]+]], TPIDR_EL1
// A64: add x2, [[BASE]], {{x[0-9]+}}
// A64: b __isoc99_fscanf
int read_count(FILE *f) { return fscanf(f, "%d", &count); }

// CHECK-LABEL: parse_name:
// CHECK: leaq name(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: callq __isoc23_sscanf
// O0-LABEL: parse_name:
// O0: movq %gs:__percpu_self_offset(%rip), [[OFF:%r[a-z0-9]+]]
// O0: leaq name(%rip), %rdi
// O0-NEXT: addq [[OFF]], %rdi
// O0: callq __isoc23_sscanf
int parse_name(void) {
  int v;
  return sscanf(name, "%d", &v) == 1 ? v : -1;
}

// CHECK-LABEL: name_value:
// CHECK: leaq name(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp __isoc23_strtol
long name_value(void) { return strtol(name, 0, 10); }

// CHECK-LABEL: show_name:
// CHECK: leaq name(%rip), %rdx
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdx
// CHECK: jmp __printf_chk
// O0-LABEL: show_name:
// O0: movq %gs:__percpu_self_offset(%rip), [[OFF:%r[a-z0-9]+]]
// O0: leaq name(%rip), %rdx
// O0-NEXT: addq [[OFF]], %rdx
// O0: callq __printf_chk
int show_name(void) { return printf("%s\n", name); }

// CHECK-LABEL: show_args:
// CHECK: leaq args(%rip), %rsi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rsi
// CHECK: jmp vprintf
int show_args(void) { return vprintf("%d\n", args); }

// CHECK-NOT: error
// SPDX-License-Identifier: BSD-2-Clause
