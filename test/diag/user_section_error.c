// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error: --implicit-check-not=note:
// Verify that a user's section attribute on a per-CPU variable, which the template section would silently replace, is an error in clang's form naming the variable and the section, with the advice as a note, at the variable's name with -g and at its first use without (at -O0 and -O2, on x86_64 and aarch64), while the header's own shared-aligned section and an explicit "percpu" are accepted.
// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -O0 -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOG --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -O0 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --implicit-check-not=error: --implicit-check-not=note:
#include <percpu.h>

// G: user_section_error.c:[[@LINE+2]]:59: error: 'placed': a per-CPU variable lives in the template section 'percpu', so its section("fast_data") cannot be honoured{{$}}
// G-NEXT: note: remove the attribute (the linker fragments place the template){{$}}
__attribute__((section("fast_data"))) DEFINE_PER_CPU(int, placed) = 1;
__attribute__((section("percpu"))) DEFINE_PER_CPU(int, explicit_template) = 2;
DEFINE_PER_CPU_SHARED_ALIGNED(int, shared);

// NOG: user_section_error.c:[[@LINE+2]]:24: error: 'placed': a per-CPU variable lives in the template section 'percpu', so its section("fast_data") cannot be honoured{{$}}
// NOG-NEXT: note: remove the attribute (the linker fragments place the template){{$}}
int sum(void) { return placed + explicit_template + shared; }
// SPDX-License-Identifier: BSD-2-Clause
