// RUN: %percpu_cc --percpu-print-config --target=riscv64-linux-gnu %s -o %t | FileCheck %s --check-prefix=%if lld-relax-gp %{GP%} %else %{GP16%}
// Verify the RISC-V gp caveat: a command with gp as the per-CPU register gets -Wl,--no-relax-gp for the link (LLVM 17 and later) (whatever the linker; a compile ignores it, even under -Werror) and --relax-gp from the user is an error; tp and other arches get nothing.
// RUN: %percpu_cc --percpu-print-config --target=riscv32-linux-gnu -fuse-ld=bfd %s | FileCheck %s --check-prefix=%if lld-relax-gp %{GP%} %else %{GP16%}
// RUN: %percpu_cc --percpu-print-config --target=riscv64-linux-gnu -Wl,--relax,--relax-gpx %s | FileCheck %s --check-prefix=%if lld-relax-gp %{GP%} %else %{GP16%}
// RUN: %percpu_cc --percpu-print-config --target=riscv64-linux-gnu --percpu-reg=tp %s | FileCheck %s --check-prefix=NONE
// RUN: %percpu_cc --percpu-print-config --target=riscv64-linux-gnu -c %s | FileCheck %s --check-prefix=%if lld-relax-gp %{GP%} %else %{GP16%}
// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu %s | FileCheck %s --check-prefix=NONE
// RUN: %percpu_cc --percpu-print-config --target=loongarch64-linux-gnu %s | FileCheck %s --check-prefix=NONE
// RUN: not %percpu_cc --target=riscv64-linux-gnu -Wl,--relax-gp %s 2>&1 | FileCheck %s --check-prefix=ERR -DARCH=riscv64
// RUN: not %percpu_cc --target=riscv32-linux-gnu -Wl,-z,now,--relax-gp -c %s 2>&1 | FileCheck %s --check-prefix=ERR -DARCH=riscv32
// RUN: not %percpu_cc --target=riscv64-linux-gnu -Xlinker --relax-gp %s 2>&1 | FileCheck %s --check-prefix=ERR -DARCH=riscv64
// RUN: not %percpu_cc --target=riscv64-linux-gnu --percpu-reg=gp -Wl,-relax-gp %s 2>&1 | FileCheck %s --check-prefix=ERR -DARCH=riscv64
// RUN: %percpu_cc --percpu-print-config --target=riscv64-linux-gnu --percpu-reg=tp -Wl,--relax-gp %s | FileCheck %s --check-prefix=TP
// RUN: %percpu_cc --target=riscv64-linux-gnu -Werror -c %s -o %t.o

// GP:      register: gp
// GP:      command: {{.*}} --start-no-unused-arguments {{(-fuse-ld=lld )?}}-Wl,--no-relax-gp --end-no-unused-arguments {{.*}}libpercpu.a --end-no-unused-arguments{{$}}

// lld 16 has no gp relaxation, and no option to ask for or refuse it.
// GP16:      register: gp
// GP16:      command:
// GP16-NOT:  no-relax-gp

// NONE:     command:
// NONE-NOT: relax-gp

// ERR: percpu-cc: error: --relax-gp makes the linker use gp as the global pointer, but gp holds the per-CPU offset on [[ARCH]]; drop --relax-gp or use --percpu-reg=tp

// TP:     command:
// TP-NOT: --no-relax-gp
// TP:     -Wl,--relax-gp
// SPDX-License-Identifier: BSD-2-Clause
