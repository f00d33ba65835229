// Verify that a -fPIC unit with per-CPU data fails to link into a shared library, with GNU ld and lld, with and without the runtime (also with -Bsymbolic, a version script or --gc-sections), through plain clang and percpu-cc, and that every error names the cause. The unit carries the percpu-llvm note; a -fPIE unit does not.
// REQUIRES: runtime-x86_64
// RUN: %percpu_clang --target=x86_64-linux-gnu -fPIC -O2 -c %S/Inputs/shlib_counter.c -o %t.o
// RUN: llvm-readelf --notes %t.o | FileCheck %s --check-prefix=NOTE
// RUN: %percpu_clang --target=x86_64-linux-gnu -fPIE -O2 -c %S/Inputs/shlib_counter.c -o %t.pie.o
// RUN: llvm-readelf --notes %t.pie.o | FileCheck %s --check-prefix=NONOTE --allow-empty
//
// Without the runtime: the symbol is undefined.
// RUN: not %clang --target=x86_64-linux-gnu -fuse-ld=bfd -shared %t.o -o %t.so 2>&1 | FileCheck %s --check-prefix=BFD
// RUN: not %clang --target=x86_64-linux-gnu -fuse-ld=lld -shared %t.o -o %t.so 2>&1 | FileCheck %s --check-prefix=LLD
// RUN: not %clang --target=x86_64-linux-gnu -fuse-ld=lld -shared -Wl,--gc-sections %t.o -o %t.so 2>&1 | FileCheck %s --check-prefix=LLD
// RUN: not %clang --target=x86_64-linux-gnu -fuse-ld=bfd -shared -Wl,-z,notext %t.o -o %t.so 2>&1 | FileCheck %s --check-prefix=BFD
// With the runtime: the symbol may be interposed, or is made local and the runtime's TLS reference fails.
// RUN: not %clang --target=x86_64-linux-gnu -fuse-ld=bfd -shared %t.o %percpu_lib/x86_64/libpercpu.a -o %t.so 2>&1 | FileCheck %s --check-prefix=TLS
// RUN: not %clang --target=x86_64-linux-gnu -fuse-ld=lld -shared %t.o %percpu_lib/x86_64/libpercpu.a -o %t.so 2>&1 | FileCheck %s --check-prefix=LLD
// RUN: not %clang --target=x86_64-linux-gnu -fuse-ld=bfd -shared -Wl,-Bsymbolic %t.o %percpu_lib/x86_64/libpercpu.a -o %t.so 2>&1 | FileCheck %s --check-prefix=TLS
// RUN: not %clang --target=x86_64-linux-gnu -fuse-ld=lld -shared -Wl,--version-script=%S/Inputs/shlib_version.map %t.o %percpu_lib/x86_64/libpercpu.a -o %t.so 2>&1 | FileCheck %s --check-prefix=TLS
// RUN: not %clang --target=x86_64-linux-gnu -fuse-ld=bfd -shared -Wl,--gc-sections -Wl,--version-script=%S/Inputs/shlib_version.map %t.o %percpu_lib/x86_64/libpercpu.a -o %t.so 2>&1 | FileCheck %s --check-prefix=TLS
// percpu-cc links no runtime into a shared library.
// RUN: not %percpu_cc --target=x86_64-linux-gnu -fPIC -shared -O2 %S/Inputs/shlib_counter.c -o %t.so 2>&1 | FileCheck %s --check-prefix=BFD
// RUN: not %percpu_cc --target=x86_64-linux-gnu -fPIC -shared %t.o -o %t.so 2>&1 | FileCheck %s --check-prefix=BFD
// A library that only passes per-CPU pointers on is rejected too (README).
// RUN: %percpu_clang --target=x86_64-linux-gnu -fPIC -O2 -c %s -o %t.pass.o
// RUN: not %clang --target=x86_64-linux-gnu -shared %t.pass.o -o %t.so 2>&1 | FileCheck %s --check-prefix=BFD

// NOTE: percpu-llvm 0x00000004
// NONOTE-NOT: percpu-llvm
// BFD: relocation R_X86_64_PC32 against {{(undefined )?}}symbol `percpu_llvm_per_cpu_data_in_shared_library_unsupported' can not be used when making a shared object
// LLD: relocation R_X86_64_PC32 cannot be used against symbol 'percpu_llvm_per_cpu_data_in_shared_library_unsupported'
// TLS: relocation R_X86_64_TPOFF32 against {{.*}}percpu_llvm_runtime_in_shared_library_unsupported{{.*}} {{can not be used when making a shared object|cannot be used with -shared}}

#include <percpu.h>

unsigned long __percpu *pass_on(unsigned long __percpu *p) { return p; }
// SPDX-License-Identifier: BSD-2-Clause
