// RUN: not %percpu_cc --percpu-reg=gp -c %s 2>&1 | FileCheck %s --check-prefix=ERR
// Verify that x86_64 accepts only gs for --percpu-reg, and that gs adds no macro.
// RUN: not %percpu_cc --target=x86_64-linux-gnu --percpu-reg=fs -c %s 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: %percpu_cc --percpu-print-config --percpu-reg=gs -c %s | FileCheck %s --check-prefix=GS

// ERR: percpu-cc: error: invalid --percpu-reg={{gp|fs}}: x86_64 uses the GS segment base; --percpu-reg accepts only gs

// GS:     register: gs
// GS-NOT: PERCPU_REGISTER
// SPDX-License-Identifier: BSD-2-Clause
