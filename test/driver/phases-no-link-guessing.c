// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
// Verify that every clang phase that stops before the link works under -Werror with the runtime archive on the command line (clang's driver, not percpu-cc, decides whether it links): -c, -S, -E, -fsyntax-only, --analyze, -emit-ast, -M, -MM and @file; and that an @file that links, and -###, take the runtime.
// RUN: %percpu_cc -Werror -c %S/Inputs/two_cpus.c -o two.o
// RUN: llvm-nm two.o | FileCheck %s --check-prefix=OBJ
// RUN: %percpu_cc -Werror -S %S/Inputs/two_cpus.c -o two.s
// RUN: FileCheck %s --check-prefix=ASM < two.s
// RUN: %percpu_cc -Werror -E %S/Inputs/two_cpus.c -o two.i
// RUN: FileCheck %s --check-prefix=PRE < two.i
// RUN: %percpu_cc -Werror -fsyntax-only %S/Inputs/two_cpus.c 2>&1 | count 0
// RUN: %percpu_cc -Werror --analyze %S/Inputs/two_cpus.c -o two.plist
// RUN: test -s two.plist
// RUN: %percpu_cc -Werror -emit-ast %S/Inputs/two_cpus.c -o two.ast
// RUN: test -s two.ast
// RUN: %percpu_cc -Werror -M %S/Inputs/two_cpus.c | FileCheck %s --check-prefix=DEPS
// RUN: %percpu_cc -Werror -MM %S/Inputs/two_cpus.c | FileCheck %s --check-prefix=MMDEPS
// RUN: %percpu_cc -Werror -c %S/Inputs/two_cpus.c -MD -MF two.d -o two2.o
// RUN: FileCheck %s --check-prefix=DEPS < two.d
// RUN: echo "-c %S/Inputs/two_cpus.c -o rsp.o" > compile.rsp
// RUN: %percpu_cc -Werror @compile.rsp
// RUN: llvm-nm rsp.o | FileCheck %s --check-prefix=OBJ
// RUN: echo "-O2 %S/Inputs/two_cpus.c -o rsp.out" > link.rsp
// RUN: %percpu_cc -Werror @link.rsp
// RUN: ./rsp.out | FileCheck %s --check-prefix=OUT
// RUN: %percpu_cc -Werror two.o -o objs.out
// RUN: ./objs.out | FileCheck %s --check-prefix=OUT
// RUN: %percpu_cc -### -Werror %S/Inputs/two_cpus.c -o x.out 2>&1 | FileCheck %s --check-prefix=LINKCMD -DLIB=%percpu_lib
// RUN: %percpu_cc -### -Werror -c %S/Inputs/two_cpus.c 2>&1 | FileCheck %s --check-prefix=COMPILECMD
// REQUIRES: native-x86_64, runtime-x86_64

// OBJ: U percpu_init
// ASM: %gs:count
// PRE: int main(void)
// DEPS:     two_cpus.c
// DEPS:     percpu.h
// DEPS-NOT: libpercpu.a
// MMDEPS:     two_cpus.c
// MMDEPS-NOT: libpercpu.a
// OUT: two cpus: ok

// LINKCMD:     "-cc1"
// LINKCMD:     "{{[^"]*}}ld{{[^"]*}}" {{.*}}"[[LIB]]/x86_64/libpercpu.a"
// COMPILECMD:     "-cc1"
// COMPILECMD-NOT: libpercpu.a
// COMPILECMD-NOT: warning:
// SPDX-License-Identifier: BSD-2-Clause
