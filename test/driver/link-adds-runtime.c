// RUN: %percpu_cc --percpu-print-config %s -o %t -lm | FileCheck %s --check-prefix=LINK -DLIB=%percpu_lib -DFILE=%s -DOUT=%t
// Verify that the runtime archive goes after the user's arguments, as -x none and the archive (or -Wl,<archive> if it is missing, so that only a link fails) between --start-no-unused-arguments and --end-no-unused-arguments, whatever the command (clang's driver decides whether it links).
// RUN: %percpu_cc --percpu-print-config a.o b.o | FileCheck %s --check-prefix=OBJS -DLIB=%percpu_lib
// REQUIRES: native-x86_64
// RUN: %percpu_cc --percpu-print-config -x c %s | FileCheck %s --check-prefix=LANG -DLIB=%percpu_lib -DFILE=%s
// RUN: %percpu_cc --percpu-print-config -c %s | FileCheck %s --check-prefix=COMPILE -DLIB=%percpu_lib -DFILE=%s
// RUN: %percpu_cc --percpu-print-config @%t.rsp | FileCheck %s --check-prefix=RSP -DLIB=%percpu_lib -DRSP=%t.rsp
// RUN: %percpu_cc --percpu-print-config --target=x86_64-linux-gnu --percpu-single-cpu --percpu-reg=gs -c %s | FileCheck %s --check-prefix=SINGLE -DLIB=%percpu_lib
// RUN: rm -rf %t.tree && mkdir %t.tree && cp -r %percpu_bin/bin %percpu_bin/lib %percpu_bin/include %t.tree
// RUN: rm %t.tree/lib/percpu-llvm/x86_64/libpercpu.a
// RUN: %t.tree/bin/percpu-cc --percpu-print-config %s | FileCheck %s --check-prefix=MISSING -DLIB=%t.tree/lib/percpu-llvm
// RUN: %t.tree/bin/percpu-cc -Werror -c %s -o %t.o
// RUN: not %t.tree/bin/percpu-cc %t.o -o %t.out 2>&1 | FileCheck %s --check-prefix=MISSING-LINK -DLIB=%t.tree/lib/percpu-llvm

// LINK:      runtime exists: yes
// LINK-NEXT: command: {{.*}} [[FILE]] -o [[OUT]] -lm --start-no-unused-arguments -x none [[LIB]]/x86_64/libpercpu.a --end-no-unused-arguments{{$}}

// OBJS: command: {{.*}} a.o b.o --start-no-unused-arguments -x none [[LIB]]/x86_64/libpercpu.a --end-no-unused-arguments{{$}}

// "-x c" would make clang read the archive as C source.
// LANG: command: {{.*}} -x c [[FILE]] --start-no-unused-arguments -x none [[LIB]]/x86_64/libpercpu.a --end-no-unused-arguments{{$}}

// COMPILE: command: {{.*}} -c [[FILE]] --start-no-unused-arguments -x none [[LIB]]/x86_64/libpercpu.a --end-no-unused-arguments{{$}}

// A response file is not read: it changes nothing.
// RSP: command: {{.*}} @[[RSP]] --start-no-unused-arguments -x none [[LIB]]/x86_64/libpercpu.a --end-no-unused-arguments{{$}}

// SINGLE: command: {{.*}} -DPERCPU_SINGLE_CPU {{.*}} [[LIB]]/x86_64-single/libpercpu.a --end-no-unused-arguments{{$}}

// MISSING:      runtime: [[LIB]]/x86_64/libpercpu.a
// MISSING-NEXT: runtime exists: no
// MISSING-NEXT: command: {{.*}} --start-no-unused-arguments -Wl,[[LIB]]/x86_64/libpercpu.a --end-no-unused-arguments{{$}}

// MISSING-LINK: [[LIB]]/x86_64/libpercpu.a: No such file or directory

int main(void) { return 0; }
// SPDX-License-Identifier: BSD-2-Clause
