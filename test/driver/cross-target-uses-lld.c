// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu %s | FileCheck %s --check-prefix=LLD -DLIB=%percpu_lib
// Verify that linking for a non-x86_64 target adds -fuse-ld=lld, unless the user chose a linker, and nothing else (RISC-V with gp: -Wl,--no-relax-gp, see riscv-gp-no-relax.c).
// RUN: %percpu_cc --percpu-print-config -target riscv64-linux-gnu %s | FileCheck %s --check-prefix=RV64 -DLIB=%percpu_lib
// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu -c %s | FileCheck %s --check-prefix=NOLLD
// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu -fuse-ld=bfd %s | FileCheck %s --check-prefix=USER
// RUN: %percpu_cc --percpu-print-config %s | FileCheck %s --check-prefix=NOLLD

// LLD:      target: aarch64-linux-gnu
// LLD-NEXT: arch: aarch64
// LLD-NEXT: register: tpidr_el1
// LLD-NEXT: runtime: [[LIB]]/aarch64/libpercpu.a
// LLD:      command: {{.*}} -fuse-ld=lld --target=aarch64-linux-gnu {{.*}}[[LIB]]/aarch64/libpercpu.a{{$}}

// RV64:      arch: riscv64
// RV64-NEXT: register: gp
// RV64:      command: {{.*}} -fuse-ld=lld -Wl,--no-relax-gp -target riscv64-linux-gnu {{.*}}[[LIB]]/riscv64/libpercpu.a{{$}}

// NOLLD-NOT: -fuse-ld

// USER-NOT: -fuse-ld=lld
// USER:     command: {{.*}} -fuse-ld=bfd
// USER-NOT: -fuse-ld=lld
