// RUN: not %percpu_clang --target=x86_64-apple-macos -ffreestanding -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=MACHO --implicit-check-not=error:
// Verify that a Mach-O or COFF target, whose object format the per-CPU model does not cover, is one clean error naming the target and the format, about the unit as a whole and so without a location (no backend crash or stack dump), at -O0, -O2 and -O2 -g.
// RUN: not %percpu_clang --target=arm64-apple-darwin -ffreestanding -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=MACHO --implicit-check-not=error:
// RUN: not %percpu_clang --target=x86_64-pc-windows-msvc -ffreestanding -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=COFF --implicit-check-not=error:
// RUN: not %percpu_clang --target=aarch64-pc-windows-gnu -ffreestanding -O0 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=COFF --implicit-check-not=error:
// RUN: not %percpu_cc --target=x86_64-apple-macos -ffreestanding -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=MACHO --implicit-check-not=error: --implicit-check-not=note:
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, hits);
void count(void) { this_cpu_inc(hits); }

// MACHO: {{^}}error: per-CPU variables are not supported on target '{{.*}}apple{{.*}}': they need the ELF object format (Linux, BSD, bare metal), not Mach-O
// COFF: {{^}}error: per-CPU variables are not supported on target '{{.*}}windows{{.*}}': they need the ELF object format (Linux, BSD, bare metal), not COFF
// MACHO-NOT: PLEASE submit
// COFF-NOT: PLEASE submit
// SPDX-License-Identifier: BSD-2-Clause
