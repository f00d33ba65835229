// RUN: not %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fsyntax-only -DPERCPU_MAX_CPUS=-1 %s 2>&1 | FileCheck %s --check-prefix=RANGE
// Verify that <percpu.h> rejects at compile time a PERCPU_MAX_CPUS that is negative or above 65536 (C and C++), not a number, or other than 0 or 1 in single-CPU mode, and that 0, 64 and the default compile without a warning under -Wall -Wextra -Werror in C (clang 16's -Wconstant-logical-operand included) and C++.
// RUN: not %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fsyntax-only -DPERCPU_MAX_CPUS=65537 %s 2>&1 | FileCheck %s --check-prefix=RANGE
// RUN: not %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fsyntax-only -x c++ -DPERCPU_MAX_CPUS=65537 %s 2>&1 | FileCheck %s --check-prefix=RANGE
// RUN: not %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fsyntax-only -DPERCPU_MAX_CPUS=many %s 2>&1 | FileCheck %s --check-prefix=NAN
// RUN: not %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fsyntax-only -DPERCPU_SINGLE_CPU -DPERCPU_MAX_CPUS=2 %s 2>&1 | FileCheck %s --check-prefix=SINGLE
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fsyntax-only -Wall -Wextra -Werror -std=gnu2x %s
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fsyntax-only -Wall -Wextra -Werror -DPERCPU_MAX_CPUS=0 %s
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fsyntax-only -Wall -Wextra -Werror -DPERCPU_MAX_CPUS=64 %s
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fsyntax-only -Wall -Wextra -Werror -x c++ -std=c++17 %s
// RUN: %percpu_clang --target=aarch64-linux-gnu -ffreestanding -fsyntax-only -Wall -Wextra -Werror -DPERCPU_SINGLE_CPU %s
// SPDX-License-Identifier: BSD-2-Clause

// RANGE: error: static assertion failed{{.*}}PERCPU_MAX_CPUS must be 0 (a run-time bound) or from 1 to 65536
// NAN: error: use of undeclared identifier 'many'
// SINGLE: error: static assertion failed{{.*}}single-CPU mode takes PERCPU_MAX_CPUS 1 (the default) or 0

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);

unsigned long remote(unsigned cpu) { return per_cpu(v, cpu); }
