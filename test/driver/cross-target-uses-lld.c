// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu %s | FileCheck %s --check-prefix=LLD -DLIB=%percpu_lib
// Verify that a non-x86_64 target gets -fuse-ld=lld, for clang to use only if it links, unless the user chose a linker, and nothing else (RISC-V with gp: -Wl,--no-relax-gp, see riscv-gp-no-relax.c).
// RUN: %percpu_cc --percpu-print-config -target riscv64-linux-gnu %s | FileCheck %s --check-prefix=%if lld-relax-gp %{RV64%} %else %{RV64-LLD16%} -DLIB=%percpu_lib
// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu -c %s | FileCheck %s --check-prefix=LLD -DLIB=%percpu_lib
// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu -fuse-ld=bfd %s | FileCheck %s --check-prefix=USER
// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu --ld-path=/bin/true %s | FileCheck %s --check-prefix=NOLLD
// RUN: %percpu_cc --percpu-print-config --target=x86_64-linux-gnu %s | FileCheck %s --check-prefix=NOLLD
// A compile does not link: -fuse-ld=lld must not be an unused argument.
// RUN: %percpu_cc --target=aarch64-linux-gnu -Werror -c %s -o %t.o
// RUN: %percpu_cc --target=riscv64-linux-gnu -Werror -S %s -o %t.s

// LLD:      target: aarch64-linux-gnu
// LLD-NEXT: arch: aarch64
// LLD-NEXT: register: tpidr_el1
// LLD-NEXT: abi: aapcs
// LLD-NEXT: kernel: no
// LLD-NEXT: runtime: [[LIB]]/aarch64/libpercpu.a
// LLD:      command: {{.*}} --start-no-unused-arguments -fuse-ld=lld --end-no-unused-arguments --target=aarch64-linux-gnu {{.*}}[[LIB]]/aarch64/libpercpu.a --end-no-unused-arguments{{$}}

// RV64:      arch: riscv64
// RV64-NEXT: register: gp
// RV64:      command: {{.*}} --start-no-unused-arguments -fuse-ld=lld -Wl,--no-relax-gp --end-no-unused-arguments -target riscv64-linux-gnu {{.*}}[[LIB]]/riscv64/libpercpu.a --end-no-unused-arguments{{$}}

// RV64-LLD16:      arch: riscv64
// RV64-LLD16-NEXT: register: gp
// RV64-LLD16:      command: {{.*}} --start-no-unused-arguments -fuse-ld=lld --end-no-unused-arguments -target riscv64-linux-gnu {{.*}}[[LIB]]/riscv64/libpercpu.a --end-no-unused-arguments{{$}}

// NOLLD:     command:
// NOLLD-NOT: -fuse-ld

// USER-NOT: -fuse-ld=lld
// USER:     command: {{.*}} -fuse-ld=bfd
// USER-NOT: -fuse-ld=lld

int f(void) { return 0; }
// SPDX-License-Identifier: BSD-2-Clause
