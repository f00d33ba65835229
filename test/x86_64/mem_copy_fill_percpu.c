// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fPIE -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that short struct copies and memsets of per-CPU memory stay inline as %gs:-prefixed movups, and that long or variable-length ones (including the memset LoopIdiom makes of a zeroing loop, which would abort the backend on a segment pointer, llvm#62834) call memset/memcpy/memmove on this CPU's copy: the template address plus %gs:__percpu_self_offset.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fPIE -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=O0

#include <percpu.h>
#include <string.h>

struct stats {
  unsigned long min, max;
  unsigned int counts[4];
};

DEFINE_PER_CPU(struct stats, st);
DEFINE_PER_CPU(struct stats, st2);
DEFINE_PER_CPU(unsigned int, arr[1024]);
DEFINE_PER_CPU_PAGE_ALIGNED(unsigned char, page[4096]);
DEFINE_PER_CPU(unsigned char, page2[4096]);

// CHECK-LABEL: {{^}}copy_in:
// CHECK-NEXT: movups (%rdi), %[[A:xmm[0-9]+]]
// CHECK-NEXT: movups 16(%rdi), %[[B:xmm[0-9]+]]
// CHECK-NEXT: movups %[[B]], %gs:st+16(%rip)
// CHECK-NEXT: movups %[[A]], %gs:st(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}copy_in:
// O0-NOT: call
// O0-DAG: movups %xmm{{[0-9]+}}, %gs:st+16(%rip)
// O0-DAG: movups %xmm{{[0-9]+}}, %gs:st(%rip)
// O0-NOT: call
// O0: retq
void copy_in(const struct stats *s) { st = *s; }

// CHECK-LABEL: {{^}}copy_out:
// CHECK-NEXT: movups %gs:st+16(%rip), %[[A:xmm[0-9]+]]
// CHECK-NEXT: movups %[[A]], 16(%rdi)
// CHECK-NEXT: movups %gs:st(%rip), %[[B:xmm[0-9]+]]
// CHECK-NEXT: movups %[[B]], (%rdi)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}copy_out:
// O0-NOT: call
// O0-DAG: movups %gs:st+16(%rip), %xmm{{[0-9]+}}
// O0-DAG: movups %gs:st(%rip), %xmm{{[0-9]+}}
// O0-NOT: call
// O0: retq
void copy_out(struct stats *s) { *s = st; }

// Both sides per-CPU: both through %gs:.
// CHECK-LABEL: {{^}}copy_between:
// CHECK-NEXT: movups %gs:st+16(%rip), %[[A:xmm[0-9]+]]
// CHECK-NEXT: movups %[[A]], %gs:st2+16(%rip)
// CHECK-NEXT: movups %gs:st(%rip), %[[B:xmm[0-9]+]]
// CHECK-NEXT: movups %[[B]], %gs:st2(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}copy_between:
// O0-NOT: call
// O0: movups %gs:st+16(%rip), %xmm
// O0: retq
void copy_between(void) { st2 = st; }

// CHECK-LABEL: {{^}}clear_struct:
// CHECK-NEXT: xorps %[[Z:xmm[0-9]+]], %[[Z]]
// CHECK-NEXT: movups %[[Z]], %gs:st+16(%rip)
// CHECK-NEXT: movups %[[Z]], %gs:st(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}clear_struct:
// O0-NOT: call
// O0: movups %xmm{{[0-9]+}}, %gs:st+16(%rip)
// O0: movups %xmm{{[0-9]+}}, %gs:st(%rip)
// O0-NOT: call
// O0: retq
void clear_struct(void) { memset(&st, 0, sizeof(st)); }

// LoopIdiom turns the loop into a memset of n * 4 bytes at -O2.
// CHECK-LABEL: {{^}}clear_loop:
// CHECK-NOT: %gs:
// CHECK: leaq arr(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK-NEXT: xorl %esi, %esi
// CHECK-NEXT: callq memset@PLT
// CHECK-NOT: %gs:
// CHECK: retq
// O0-LABEL: {{^}}clear_loop:
// O0: leaq arr(%rip), %[[BASE:[a-z0-9]+]]
// O0-NEXT: movl $0, %gs:(%[[BASE]],%{{[a-z0-9]+}},4)
// O0-NOT: memset
// O0: retq
void clear_loop(unsigned long n) {
  for (unsigned long i = 0; i < n; i++)
    arr[i] = 0;
}

// CHECK-LABEL: {{^}}clear_page:
// CHECK: leaq page(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK-NEXT: movl $4096, %edx
// CHECK-NEXT: xorl %esi, %esi
// CHECK-NEXT: callq memset@PLT
// O0-LABEL: {{^}}clear_page:
// O0: movq %gs:__percpu_self_offset(%rip), %[[OFF:[a-z0-9]+]]
// O0-NEXT: leaq page(%rip), %rdi
// O0-NEXT: addq %[[OFF]], %rdi
// O0: movl $4096, %edx
// O0-NEXT: callq memset@PLT
void clear_page(void) { memset(page, 0, sizeof(page)); }

// CHECK-LABEL: {{^}}copy_page_in:
// CHECK: movq %rdi, %rsi
// CHECK-NEXT: leaq page(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK-NEXT: movl $4096, %edx
// CHECK-NEXT: callq memcpy@PLT
// O0-LABEL: {{^}}copy_page_in:
// O0: movq %gs:__percpu_self_offset(%rip), %[[OFF:[a-z0-9]+]]
// O0-NEXT: leaq page(%rip), %rdi
// O0-NEXT: addq %[[OFF]], %rdi
// O0: callq memcpy@PLT
void copy_page_in(const void *src) { memcpy(page, src, sizeof(page)); }

// CHECK-LABEL: {{^}}copy_pages:
// CHECK: movq %gs:__percpu_self_offset(%rip), %[[OFF:[a-z0-9]+]]
// CHECK-NEXT: leaq page2(%rip), %rdi
// CHECK-NEXT: addq %[[OFF]], %rdi
// CHECK-NEXT: leaq page(%rip), %rsi
// CHECK-NEXT: addq %[[OFF]], %rsi
// CHECK-NEXT: movl $4096, %edx
// CHECK-NEXT: callq memcpy@PLT
// O0-LABEL: {{^}}copy_pages:
// O0: %gs:__percpu_self_offset(%rip)
// O0: leaq page2(%rip), %rdi
// O0: leaq page(%rip), %rsi
// O0: callq memcpy@PLT
void copy_pages(void) { memcpy(page2, page, sizeof(page)); }

// CHECK-LABEL: {{^}}fill_var:
// CHECK: movq %rdi, %rdx
// CHECK-NEXT: leaq page(%rip), %rdi
// CHECK-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// CHECK-NEXT: movl $171, %esi
// CHECK-NEXT: callq memset@PLT
// O0-LABEL: {{^}}fill_var:
// O0: movq %gs:__percpu_self_offset(%rip), %[[OFF:[a-z0-9]+]]
// O0-NEXT: leaq page(%rip), %rdi
// O0-NEXT: addq %[[OFF]], %rdi
// O0: callq memset@PLT
void fill_var(unsigned long n) { memset(page, 0xab, n); }

// CHECK-LABEL: {{^}}move_var:
// CHECK: movq %gs:__percpu_self_offset(%rip), %[[OFF:[a-z0-9]+]]
// CHECK: leaq page(%rip), %[[T:[a-z0-9]+]]
// CHECK: leaq (%[[OFF]],%[[T]]), %rdi
// CHECK: addq %[[OFF]], %[[T]]
// CHECK: callq memmove@PLT
// O0-LABEL: {{^}}move_var:
// O0: %gs:__percpu_self_offset(%rip)
// O0: callq memmove@PLT
void move_var(unsigned long n) { memmove(page + 1, page, n); }
// SPDX-License-Identifier: BSD-2-Clause
