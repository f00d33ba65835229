// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu --percpu-reg=tpidr_el2 -c %s | FileCheck %s --check-prefix=EL2
// Verify that a non-default --percpu-reg becomes -D__PERCPU_REG_<REG>__=1 and is not passed to clang itself.
// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu --percpu-reg=tpidr_el0 -c %s | FileCheck %s --check-prefix=EL0
// RUN: %percpu_cc --percpu-print-config --target=riscv64-linux-gnu --percpu-reg=tp -c %s | FileCheck %s --check-prefix=TP
// RUN: %percpu_cc --percpu-print-config --target=aarch64-linux-gnu --percpu-reg=tpidr_el1 -c %s | FileCheck %s --check-prefix=DEFAULT
// RUN: %percpu_cc --percpu-print-config --target=riscv32-linux-gnu -c %s | FileCheck %s --check-prefix=DEFAULT

// EL2:     register: tpidr_el2
// EL2:     command: {{.*}} -D__PERCPU_REG_TPIDR_EL2__=1 {{.*}}-c
// EL2-NOT: --percpu-reg

// EL0:     register: tpidr_el0
// EL0:     command: {{.*}} -D__PERCPU_REG_TPIDR_EL0__=1 {{.*}}-c

// TP:      register: tp
// TP:      command: {{.*}} -D__PERCPU_REG_TP__=1 {{.*}}-c

// DEFAULT:     command:
// DEFAULT-NOT: __PERCPU_REG_
// DEFAULT-NOT: --percpu-reg
