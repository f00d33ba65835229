// RUN: %percpu_cc --percpu-print-runtime --target=x86_64-linux-gnu | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=x86_64
// Verify that --percpu-print-runtime prints the archive a link would take, after --target and the register and mode options, and --percpu-print-linker-dir the linker fragments' directory, both without running clang; and that a Makefile can link with plain clang and the printed archive, and INCLUDE the fragments from the printed directory.
// RUN: %percpu_cc --percpu-print-runtime --target=x86_64-linux-gnu --percpu-single-cpu | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=x86_64-single
// RUN: %percpu_cc --percpu-print-runtime --target=aarch64-linux-gnu | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=aarch64
// RUN: %percpu_cc --percpu-print-runtime -target aarch64-linux-gnu --percpu-reg=tpidr_el2 | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=aarch64-tpidr_el2
// RUN: %percpu_cc --percpu-print-runtime --target=riscv64-linux-gnu --percpu-reg=tp -O2 -c x.c | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv64-tp
// RUN: %percpu_cc --percpu-print-runtime --target=riscv32-linux-gnu --percpu-preempt-hooks | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=riscv32
// RUN: %percpu_cc --percpu-print-runtime --target=loongarch64-linux-gnu --percpu-single-cpu | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib -DV=loongarch64-single
// RUN: not %percpu_cc --percpu-print-runtime --target=aarch64-linux-gnu --percpu-reg=gs 2>&1 | FileCheck %s --check-prefix=BADREG
// RUN: env PERCPU_CLANG=/nonexistent/clang %percpu_cc --percpu-print-linker-dir | FileCheck %s --check-prefix=DIR -DDIR=%percpu_linker
// RUN: test -f %percpu_linker/percpu.ld && test -f %percpu_linker/percpu-areas.ld && test -f %percpu_linker/percpu-vma0.ld
// A Makefile's own link: plain clang, the printed archive.
// RUN: %percpu_cc -O2 -c %S/Inputs/two_cpus.c -o %t.o
// RUN: sh -c '%clang %t.o "$(%percpu_cc --percpu-print-runtime)" -o %t.out'
// RUN: %t.out | FileCheck %s --check-prefix=OUT
// A linker script that INCLUDEs percpu.ld from the printed directory.
// RUN: echo 'SECTIONS { .data : { *(.data) } INCLUDE percpu.ld }' > %t.ld
// RUN: %percpu_cc --target=aarch64-none-elf -ffreestanding -O2 -c %s -o %t.a64.o
// RUN: sh -c 'ld.lld -r %t.a64.o -L"$(%percpu_cc --percpu-print-linker-dir)" -T %t.ld -o %t.a64.r.o'
// RUN: llvm-nm %t.a64.r.o | FileCheck %s --check-prefix=SCRIPT
// REQUIRES: native-x86_64, runtime-x86_64, runtime-aarch64, runtime-riscv64, runtime-riscv32, runtime-loongarch64

// RT: {{^}}[[LIB]]/[[V]]/libpercpu.a{{$}}
// BADREG: invalid --percpu-reg=gs for aarch64
// DIR: {{^}}[[DIR]]{{$}}
// OUT: two cpus: ok
// SCRIPT: D _percpu_load_start

#include <percpu.h>

DEFINE_PER_CPU(int, hits) = 1;

int read_hits(void) { return this_cpu_read(hits); }
// SPDX-License-Identifier: BSD-2-Clause
