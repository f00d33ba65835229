// Run a fixed sample of csmith programs with every global per-CPU, freestanding under qemu-user: each must print its plain build's checksum on CPU 0 and again on CPU 1, and leave the template and the other CPUs' areas as they were (scripts/fuzz, docs/fuzzing.md). One level per seed, in turn: -O0, -O2, ThinLTO.
// RUN: %percpu_fuzz --arch aarch64 --start-seed 4 --count 4 --rotate-levels --min-same 4 --findings %t -q | FileCheck %s --check-prefix=ALL
// Negative control: run 2 stays on CPU 0, and the harness must say so.
// RUN: not %percpu_fuzz --arch aarch64 --control --seed 1 --levels O2 --reduce-seconds 0 --findings %t -q | FileCheck %s --check-prefix=CONTROL
// REQUIRES: qemu-aarch64

// ALL:      aarch64 O0 {{ *}}1 same, 0 different, 0 skipped
// ALL-NEXT: aarch64 O2 {{ *}}2 same, 0 different, 0 skipped
// ALL-NEXT: aarch64 thinlto {{ *}}1 same, 0 different, 0 skipped
// ALL:      {{^}}4 same, 0 different, 0 skipped

// CONTROL: DIFFERENT: seed 1, aarch64, O2: area check: percpu-fuzz: FAIL
// CONTROL: {{^}}0 same, 1 different, 0 skipped
// SPDX-License-Identifier: BSD-2-Clause
