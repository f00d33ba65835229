// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o %t.s %s
// Verify that per-CPU variables are emitted, with their initial values and alignments, in the writable template section `.section percpu,"aw",@progbits` (const ones too, since every CPU's area is written), that each unit gets one percpu_align record holding its largest per-CPU alignment (4096 with a DEFINE_PER_CPU_PAGE_ALIGNED variable, 64 with DEFINE_PER_CPU_ALIGNED, 8 otherwise), that a unit that only declares per-CPU variables gets neither, and that the "plugin missing" guard is gone.
// RUN: FileCheck %s --check-prefix=HITS --implicit-check-not=percpu_llvm_plugin_missing < %t.s
// RUN: FileCheck %s --check-prefix=CONST < %t.s
// RUN: FileCheck %s --check-prefix=LOCAL < %t.s
// RUN: FileCheck %s --check-prefix=LINE < %t.s
// RUN: FileCheck %s --check-prefix=PAGE < %t.s
// RUN: FileCheck %s --check-prefix=REC4096 < %t.s
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -DNO_PAGE -S -o - %s | FileCheck %s --check-prefix=REC64
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -DNO_PAGE -DNO_LINE -S -o - %s | FileCheck %s --check-prefix=REC8
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -S -o - %s | FileCheck %s --check-prefix=REC4096
// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -DDECL_ONLY -S -o - %s | FileCheck %s --check-prefix=DECL --implicit-check-not=percpu_llvm_plugin_missing

#include <percpu.h>

#ifndef DECL_ONLY

// HITS: .section percpu,"aw",@progbits
// HITS-NOT: .section
// HITS: {{^}}hits:
// HITS-NEXT: .quad 3
DEFINE_PER_CPU(unsigned long, hits) = 3;

// CONST: .section percpu,"aw",@progbits
// CONST-NOT: .section
// CONST: {{^}}constant_one:
// CONST-NEXT: .long 1
DEFINE_PER_CPU(const int, constant_one) = 1;

// LOCAL: .section percpu,"aw",@progbits
// LOCAL-NOT: .section
// LOCAL-NOT: .globl local_counter
// LOCAL: {{^}}local_counter:
// LOCAL-NEXT: .long 4294967295
static DEFINE_PER_CPU(int, local_counter) = -1;

#ifndef NO_LINE
// LINE: .section percpu,"aw",@progbits
// LINE-NOT: .section
// LINE: .p2align 6
// LINE-NEXT: {{^}}line_counter:
DEFINE_PER_CPU_ALIGNED(unsigned int, line_counter);
#endif

#ifndef NO_PAGE
// PAGE: .section percpu,"aw",@progbits
// PAGE-NOT: .section
// PAGE: .p2align 12
// PAGE-NEXT: {{^}}page_buf:
// PAGE-NEXT: .zero 4096
DEFINE_PER_CPU_PAGE_ALIGNED(char, page_buf[4096]);
#endif

void bump_local(void) { local_counter++; }

#endif // DECL_ONLY

DECLARE_PER_CPU(int, elsewhere);
int read_elsewhere(void) { return elsewhere; }

// One record per unit, in its own section.
// REC4096: .section percpu_align,"a
// REC4096-NOT: {{\.section|\.long|\.quad|\.byte}}
// REC4096: .long 4096
// REC4096-NOT: percpu_align,
// REC64: .section percpu_align,"a
// REC64-NOT: {{\.section|\.long|\.quad|\.byte}}
// REC64: .long 64
// REC64-NOT: percpu_align,
// REC8: .section percpu_align,"a
// REC8-NOT: {{\.section|\.long|\.quad|\.byte}}
// REC8: .long 8
// REC8-NOT: percpu_align,

// A unit that only uses a per-CPU variable defined elsewhere.
// DECL-NOT: .section percpu,
// DECL-NOT: percpu_align
// DECL: movl %gs:elsewhere(%rip), %eax
// DECL-NOT: .section percpu,
// DECL-NOT: percpu_align
// SPDX-License-Identifier: BSD-2-Clause
