// RUN: %percpu_cc %std_for_arrays -O1 -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t1 && %t1 | FileCheck %S/../exec/exec_kernel_style_module.c
// Verify that the kernel-style per-CPU module gives every CPU exactly its own results under each family of clang flags a user may add (optimisation levels, debug info, full LTO, code models and PIC/PIE modes, section garbage collection, hardening and instrumentation flags, vectorisation for a newer CPU), four threads playing four CPUs.
// RUN: %percpu_cc %std_for_arrays -O3 -funroll-loops -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t2 && %t2 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -Os -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t3 && %t3 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -Oz -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t4 && %t4 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -Og -g -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t5 && %t5 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -g -fno-omit-frame-pointer -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t6 && %t6 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -flto -fuse-ld=lld -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t7 && %t7 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O0 -flto -fuse-ld=lld -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t8 && %t8 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -fPIC -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t9 && %t9 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -fno-pic -no-pie -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t10 && %t10 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -fno-pic -no-pie -mcmodel=medium -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t11 && %t11 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -mcmodel=large -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t12 && %t12 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -ffunction-sections -fdata-sections -Wl,--gc-sections -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t13 && %t13 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -fstack-protector-all -fstack-clash-protection -fcf-protection=full -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t14 && %t14 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -mretpoline -fzero-call-used-regs=used-gpr -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t15 && %t15 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -ftrivial-auto-var-init=pattern -fwrapv -fno-strict-aliasing -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t16 && %t16 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O3 -march=x86-64-v3 -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t17 && %t17 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -fsanitize=undefined -fno-sanitize-recover=all -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t18 && %t18 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -fprofile-instr-generate -fcoverage-mapping -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t19 && %t19 | FileCheck %S/../exec/exec_kernel_style_module.c
// RUN: %percpu_cc %std_for_arrays -O2 -fvisibility=hidden -fno-plt -pthread -I%inputs %S/../exec/exec_kernel_style_module.c %inputs/kernel_module.c -o %t20 && %t20 | FileCheck %S/../exec/exec_kernel_style_module.c

// REQUIRES: native-x86_64, runtime-x86_64
// SPDX-License-Identifier: BSD-2-Clause
