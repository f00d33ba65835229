// Verify that each RISC-V and LoongArch runtime archive's objects carry the
// floating-point ABI its directory names (include/percpu/abi.h's
// PERCPU_ABIS): the default directories double-float, -lp64/-ilp32 and
// -lp64s soft-float, for every register and mode.
// REQUIRES: runtime-riscv64, runtime-riscv32, runtime-loongarch64
// RUN: llvm-readelf -h %percpu_lib/riscv64/libpercpu.a %percpu_lib/riscv64-tp/libpercpu.a %percpu_lib/riscv64-single/libpercpu.a | FileCheck --check-prefix=RV-D --implicit-check-not="Flags: 0x1," %s
// RUN: llvm-readelf -h %percpu_lib/riscv64-lp64/libpercpu.a %percpu_lib/riscv64-tp-lp64/libpercpu.a %percpu_lib/riscv64-single-lp64/libpercpu.a | FileCheck --check-prefix=RV-SOFT --implicit-check-not=double-float %s
// RUN: llvm-readelf -h %percpu_lib/riscv32/libpercpu.a %percpu_lib/riscv32-tp/libpercpu.a | FileCheck --check-prefix=RV-D --implicit-check-not="Flags: 0x1," %s
// RUN: llvm-readelf -h %percpu_lib/riscv32-ilp32/libpercpu.a %percpu_lib/riscv32-tp-ilp32/libpercpu.a %percpu_lib/riscv32-single-ilp32/libpercpu.a | FileCheck --check-prefix=RV-SOFT --implicit-check-not=double-float %s
// RUN: llvm-readelf -h %percpu_lib/loongarch64/libpercpu.a %percpu_lib/loongarch64-single/libpercpu.a | FileCheck --check-prefix=LA-D --implicit-check-not=SOFT-FLOAT %s
// clang 16 takes -mabi=lp64s but emits lp64d objects, so LLVM 16 builds no
// lp64s runtime.
// RUN: %if !llvm-16 %{ llvm-readelf -h %percpu_lib/loongarch64-lp64s/libpercpu.a %percpu_lib/loongarch64-single-lp64s/libpercpu.a | FileCheck --check-prefix=LA-SOFT --implicit-check-not=DOUBLE-FLOAT %s %}
// RUN: %if llvm-16 %{ not test -e %percpu_lib/loongarch64-lp64s %}

// RV-D-COUNT-5: Flags: 0x5, RVC, double-float ABI
// RV-SOFT-COUNT-5: Flags: 0x1, RVC{{$}}
// LA-D-COUNT-5: Flags: 0x43, DOUBLE-FLOAT, OBJ-v1
// LA-SOFT-COUNT-5: Flags: 0x41, SOFT-FLOAT, OBJ-v1
// SPDX-License-Identifier: BSD-2-Clause
