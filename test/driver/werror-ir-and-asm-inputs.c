// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
// Verify that percpu-cc compiles the LLVM IR (.ll, .bc) and assembly it produced itself under -Werror, which its own -fpass-plugin, -I, -Rpass and -D options, unused there, must not fail, and that the objects still run with every CPU's copy right.
// RUN: %percpu_cc -O2 -S -emit-llvm %S/Inputs/two_cpus.c -o two.ll
// RUN: %percpu_cc --percpu-preempt-hooks -O2 -c -emit-llvm %S/Inputs/two_cpus.c -o two.bc
// RUN: %percpu_cc -O2 -S %S/Inputs/two_cpus.c -o two.s
// RUN: %percpu_cc -Werror -O2 -c two.ll -o ll.o 2>&1 | count 0
// RUN: %percpu_cc -Werror --percpu-preempt-hooks -O2 -c two.bc -o bc.o 2>&1 | count 0
// RUN: %percpu_cc -Werror -c two.s -o s.o 2>&1 | count 0
// RUN: %percpu_cc -Werror -O2 -S two.bc -o - | FileCheck %s --check-prefix=ASM
// RUN: %percpu_cc -Werror ll.o -o ll.out && ./ll.out | FileCheck %s
// RUN: %percpu_cc -Werror --percpu-preempt-hooks bc.o -o bc.out && ./bc.out | FileCheck %s
// RUN: %percpu_cc -Werror s.o -o s.out && ./s.out | FileCheck %s
// REQUIRES: native-x86_64, runtime-x86_64

// ASM: %gs:count
// CHECK: two cpus: ok
// SPDX-License-Identifier: BSD-2-Clause
