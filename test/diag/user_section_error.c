// RUN: not %percpu_clang --target=x86_64-linux-gnu -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
// Verify that a user's section attribute on a per-CPU variable, which the template section would silently replace, is an error naming the variable and the section at its line, while the header's own shared-aligned section and an explicit "percpu" are accepted.
// RUN: not %percpu_clang --target=aarch64-linux-gnu -ffreestanding -O0 -g -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
#include <percpu.h>

// CHECK: error: {{.*}}user_section_error.c:[[@LINE+1]]: 'placed': a per-CPU variable lives in the template section 'percpu', so its section("fast_data") cannot be honoured; remove the attribute
__attribute__((section("fast_data"))) DEFINE_PER_CPU(int, placed) = 1;
__attribute__((section("percpu"))) DEFINE_PER_CPU(int, explicit_template) = 2;
DEFINE_PER_CPU_SHARED_ALIGNED(int, shared);

int sum(void) { return placed + explicit_template + shared; }
// CHECK: 1 error generated.
// SPDX-License-Identifier: BSD-2-Clause
