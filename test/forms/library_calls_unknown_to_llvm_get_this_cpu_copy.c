// RUN: %percpu_clang --target=x86_64-linux-gnu -nostdinc -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s
// Verify that C library builtins that clang retypes to the per-CPU space but LLVM's TargetLibraryInfo does not know (index, rindex, the <wchar.h> string and memory functions, mbtowc, renameat) get an ordinary pointer to this CPU's copy, never the bare template address.
// RUN: %percpu_clang --target=x86_64-linux-gnu -nostdinc -O0 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=O0
// RUN: %percpu_clang --target=riscv64-linux-gnu -nostdinc -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=RV
#include <percpu.h>

/* The declarations of <strings.h>, <wchar.h>, <stdlib.h> and <stdio.h>,
 * without the headers, which the cross targets may not have. */
typedef __SIZE_TYPE__ size_t;
typedef __WCHAR_TYPE__ wchar_t;
char *index(const char *s, int c);
char *rindex(const char *s, int c);
int wcscmp(const wchar_t *a, const wchar_t *b);
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n);
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wmemcpy(wchar_t *d, const wchar_t *s, size_t n);
wchar_t *wmemmove(wchar_t *d, const wchar_t *s, size_t n);

DEFINE_PER_CPU(char, name[16]);
DEFINE_PER_CPU(wchar_t, wide[16]);

// CHECK-LABEL: first_a:
// CHECK: leaq name(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp index
// O0-LABEL: first_a:
// O0: movq %gs:__percpu_self_offset(%rip), [[OFF:%r[a-z0-9]+]]
// O0: leaq name(%rip), %rdi
// O0-NEXT: addq [[OFF]], %rdi
// O0: callq index
// RV-LABEL: first_a:
// RV: add a0, a0, gp
// RV: tail index
char *first_a(void) { return index(name, 'a'); }

// CHECK-LABEL: last_a:
// CHECK: leaq name(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp rindex
char *last_a(void) { return rindex(name, 'a'); }

// CHECK-LABEL: compare:
// CHECK: leaq wide(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp wcscmp
int compare(const wchar_t *s) { return wcscmp(wide, s); }

// CHECK-LABEL: compare_n:
// CHECK: leaq wide(%rip), %rsi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rsi
// CHECK: jmp wcsncmp
int compare_n(const wchar_t *s) { return wcsncmp(s, wide, 4); }

// CHECK-LABEL: find:
// CHECK: leaq wide(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp wcschr
wchar_t *find(void) { return wcschr(wide, L'a'); }

// CHECK-LABEL: find_n:
// CHECK: leaq wide(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK: jmp wmemchr
wchar_t *find_n(void) { return wmemchr(wide, L'a', 16); }

// CHECK-LABEL: compare_mem:
// CHECK: leaq wide(%rip), %rsi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rsi
// CHECK: jmp wmemcmp
int compare_mem(const wchar_t *s, size_t n) { return wmemcmp(s, wide, n); }

// CHECK-LABEL: copy_in:
// CHECK: leaq wide(%rip), [[P:%r[a-z0-9]+]]
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), [[P]]
// CHECK: movq [[P]], %rdi
// CHECK: jmp wmemcpy
wchar_t *copy_in(const wchar_t *s, size_t n) { return wmemcpy(wide, s, n); }

// CHECK-LABEL: move_in:
// CHECK: leaq wide(%rip), [[P:%r[a-z0-9]+]]
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), [[P]]
// CHECK: movq [[P]], %rdi
// CHECK: jmp wmemmove
wchar_t *move_in(const wchar_t *s, size_t n) { return wmemmove(wide, s, n); }

// SPDX-License-Identifier: BSD-2-Clause
