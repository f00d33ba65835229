// RUN: %percpu_cc --target=loongarch64-linux-gnu %loongarch_no_simd -ffreestanding -O2 -c %S/../qemu/Inputs/qemu_rt.c -o %t.rt.o
// Verify that C++ on per-CPU variables (Inputs/cxx_features.h: member functions through this_cpu_ptr and per_cpu references, templates, references, lambdas, namespaces, constexpr initialisers, invokes with landing pads) reaches each CPU's copy in a freestanding loongarch64 program under qemu-user, r21 as the base register (-mno-lsx: qemu 7.2 has no LSX), at -O2 and -O0, in C++17 and C++20.
// RUN: %percpu_cxx --target=loongarch64-linux-gnu %loongarch_no_simd -std=c++17 -ffreestanding -nostdlib -static -fno-rtti -O2 %s %t.rt.o -o %t
// RUN: %run-loongarch64 %t | FileCheck %s
// RUN: %percpu_cxx --target=loongarch64-linux-gnu %loongarch_no_simd -std=c++20 -ffreestanding -nostdlib -static -fno-rtti -O0 %s %t.rt.o -o %t0
// RUN: %run-loongarch64 %t0 | FileCheck %s
// REQUIRES: qemu-loongarch64

// CHECK: C++ on per-CPU variables: {{[0-9]+}} checks passed
#include "Inputs/qemu_cxx_main.h"
// SPDX-License-Identifier: BSD-2-Clause
