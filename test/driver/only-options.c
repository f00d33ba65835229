// RUN: %percpu_cc -v 2>&1 | FileCheck %s --check-prefix=V --implicit-check-not=libpercpu.a --implicit-check-not=error
// Verify that a command of options only (no input, no @file) gets no runtime archive, which would be clang's one input and make it link, while a single file or "-" does.
// RUN: not %percpu_cc -Werror 2>&1 | FileCheck %s --check-prefix=NONE --implicit-check-not=undefined
// RUN: %percpu_cc --percpu-print-config -O2 -Werror | FileCheck %s --check-prefix=NOARCHIVE
// RUN: %percpu_cc --percpu-print-config -x c - | FileCheck %s --check-prefix=ARCHIVE
// RUN: %percpu_cc --percpu-print-config @args.rsp | FileCheck %s --check-prefix=ARCHIVE
// REQUIRES: native-x86_64, runtime-x86_64

// V:    clang version
// NONE: clang: error: no input files
// NOARCHIVE:     command:
// NOARCHIVE-NOT: libpercpu.a
// ARCHIVE: command: {{.*}} --start-no-unused-arguments -x none {{.*}}/libpercpu.a --end-no-unused-arguments{{$}}
// SPDX-License-Identifier: BSD-2-Clause
