// RUN: %percpu_cc --percpu-single-cpu --percpu-print-config %s -o /dev/null | FileCheck %s --check-prefix=SINGLE
// RUN: %percpu_cc --target=aarch64-linux-gnu --percpu-preempt-hooks --percpu-print-config %s -o /dev/null | FileCheck %s --check-prefix=HOOKS
// RUN: not %percpu_cc --percpu-single-cpu --percpu-preempt-hooks --percpu-print-config %s 2>&1 | FileCheck %s --check-prefix=BOTH
// Verify that --percpu-single-cpu defines PERCPU_SINGLE_CPU and links the single-CPU runtime, that --percpu-preempt-hooks defines PERCPU_PREEMPT_HOOKS with the ordinary runtime, and that the two together are refused.

// SINGLE: mode: single-cpu
// SINGLE: runtime: {{.*}}/x86_64-single/libpercpu.a
// SINGLE: command: {{.*}} -DPERCPU_SINGLE_CPU {{.*}}/x86_64-single/libpercpu.a
// HOOKS: mode: preempt-hooks
// HOOKS: runtime: {{.*}}/aarch64/libpercpu.a
// HOOKS: command: {{.*}} -DPERCPU_PREEMPT_HOOKS
// BOTH: percpu-cc: error: --percpu-single-cpu and --percpu-preempt-hooks exclude each other
int main(void) { return 0; }
// SPDX-License-Identifier: BSD-2-Clause
