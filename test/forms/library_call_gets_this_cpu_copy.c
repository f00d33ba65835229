// RUN: %percpu_clang --target=x86_64-linux-gnu -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=X86
// Verify that a library builtin clang retyped to the per-CPU address space (strlen, the __*_chk forms, printf's variadic "%s", and the __atomic_load of an _Atomic struct, whose argument clang casts) gets an ordinary pointer to this CPU's copy on every architecture: the template address plus the CPU's offset or base register, never the bare template address.
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefixes=A64,A64-%backend
// RUN: %percpu_clang --target=riscv64-linux-gnu -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=RV
// RUN: %percpu_clang --target=loongarch64-linux-gnu -ffreestanding -O2 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=LA
// RUN: %percpu_clang --target=x86_64-linux-gnu -ffreestanding -O0 -S -fno-asynchronous-unwind-tables -o - %s | FileCheck %s --check-prefix=X86-O0
#include <percpu.h>

struct triple {
  long a, b, c;
};

DEFINE_PER_CPU(char, name[32]);
DEFINE_PER_CPU(_Atomic struct triple, state);

// X86-LABEL: len:
// X86: leaq name(%rip), %rdi
// X86-NEXT: addq %gs:__percpu_self_offset(%rip), %rdi
// X86-NEXT: jmp strlen
// A64-LABEL: len:
// A64: mrs [[BASE:x[0-9]+]], TPIDR_EL1
// A64: add x0, [[BASE]], {{x[0-9]+}}
// A64-NEXT: b strlen
// RV-LABEL: len:
// RV: add a0, a0, gp
// RV: tail strlen
// LA-LABEL: len:
// LA: add.d $a0, $r21, $a0
// LA: strlen
// X86-O0-LABEL: len:
// X86-O0: movq %gs:__percpu_self_offset(%rip), [[OFF:%r[a-z0-9]+]]
// X86-O0: addq [[OFF]], %r{{..}}
// X86-O0: strlen
unsigned long len(void) { return __builtin_strlen(name); }

// X86-LABEL: copy:
// X86: leaq name(%rip), %rax
// X86-NEXT: addq %gs:__percpu_self_offset(%rip), %rax
// X86: jmp __strcpy_chk
// A64-LABEL: copy:
// A64: mrs [[BASE:x[0-9]+]], TPIDR_EL1
// A64-LLVM19: add x0, [[BASE]], {{x[0-9]+}}
// A64-LLVM16: add [[P:x[0-9]+]], [[BASE]], {{x[0-9]+}}
// A64-LLVM16: mov x0, [[P]]
// A64: b __strcpy_chk
char *copy(const char *s) { return __builtin___strcpy_chk(name, s, 32); }

// X86-LABEL: format:
// X86: addq %gs:__percpu_self_offset(%rip), %rax
// X86: movq %rax, %rdi
// X86: jmp __sprintf_chk
int format(int v) { return __builtin___sprintf_chk(name, 0, 32, "%d", v); }

// The per-CPU array is a variadic argument here.
// X86-LABEL: show:
// X86: leaq name(%rip), %rsi
// X86-NEXT: addq %gs:__percpu_self_offset(%rip), %rsi
// X86: jmp printf
// RV-LABEL: show:
// RV: add a1, a0, gp
// RV: tail printf
int show(void) { return __builtin_printf("%s\n", name); }

// X86-LABEL: get:
// X86: leaq state(%rip), %rsi
// X86-NEXT: addq %gs:__percpu_self_offset(%rip), %rsi
// X86: __atomic_load
// A64-LABEL: get:
// A64: mrs [[BASE:x[0-9]+]], TPIDR_EL1
// A64: add x1, [[BASE]], {{x[0-9]+}}
// A64-LLVM19-NEXT: b __atomic_load
// A64-LLVM16-NOT: {{[[:space:]][xw]1,}}
// A64-LLVM16: b __atomic_load
// LA-LABEL: get:
// LA: add.d $a1, $r21, $a0
// LA: __atomic_load
// X86-O0-LABEL: get:
// X86-O0: movq %gs:__percpu_self_offset(%rip), [[OFF:%r[a-z0-9]+]]
// X86-O0: addq [[OFF]], %r{{..}}
// X86-O0: __atomic_load
struct triple get(void) { return state; }
// SPDX-License-Identifier: BSD-2-Clause
