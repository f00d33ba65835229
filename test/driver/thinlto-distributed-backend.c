// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
// Verify that percpu-cc runs a distributed ThinLTO backend (-x ir obj.o -fthinlto-index=obj.o.thinlto.bc -c), adding no runtime archive, which clang would take for one more IR input, and that the program linked from the backend's object gives every CPU its own copy.
// RUN: %percpu_cc -Werror -O2 -flto=thin -c %S/Inputs/two_cpus.c -o two.o
// RUN: %percpu_cc -Werror -O2 -flto=thin -fuse-ld=lld -Wl,--thinlto-index-only two.o
// RUN: %percpu_cc -Werror -O2 -x ir two.o -fthinlto-index=two.o.thinlto.bc -c -o two.native.o
// RUN: %percpu_cc --percpu-print-config -O2 -x ir two.o -fthinlto-index=two.o.thinlto.bc -c -o two.native.o | FileCheck %s --check-prefix=CMD
// RUN: llvm-objdump -d two.native.o | FileCheck %s --check-prefix=GS
// RUN: %percpu_cc -Werror two.native.o -o two.out && ./two.out | FileCheck %s
// REQUIRES: native-x86_64, runtime-x86_64

// CMD: command: {{.*}} -fthinlto-index=two.o.thinlto.bc -c -o two.native.o{{$}}
// GS: %gs:
// CHECK: two cpus: ok
// SPDX-License-Identifier: BSD-2-Clause
