// Run a fixed sample of csmith programs with every global per-CPU, natively: each must print its plain build's checksum on CPU 0 and again on CPU 1, and leave the template and the other CPUs' areas as they were (scripts/fuzz, docs/fuzzing.md). One level per seed, in turn: -O0, -O2, ThinLTO.
// RUN: %percpu_fuzz --arch x86_64 --start-seed 4 --count 10 --rotate-levels --min-same 8 --findings %t -q | FileCheck %s --check-prefix=ALL
// The same with pointers: the globals whose address is taken stay ordinary, the others are per-CPU.
// RUN: %percpu_fuzz --arch x86_64 --pointers --start-seed 101 --count 3 --rotate-levels --min-same 3 --findings %t -q | FileCheck %s --check-prefix=PTR
// Seed 20017 takes the address of a global it never writes: at -O2 its section fuzz_ordinary is read-only, and the harness must not write it.
// RUN: %percpu_fuzz --arch x86_64 --pointers --seed 20017 --levels O2 --min-same 1 --reduce-seconds 0 --findings %t -q | FileCheck %s --check-prefix=RO
// Negative control: run 2 stays on CPU 0, and the harness must say so.
// RUN: not %percpu_fuzz --arch x86_64 --control --seed 1 --levels O2 --reduce-seconds 0 --findings %t -q | FileCheck %s --check-prefix=CONTROL
// REQUIRES: native-x86_64

// ALL:      x86_64 O0 {{ *}}{{[1-9][0-9]*}} same, 0 different
// ALL-NEXT: x86_64 O2 {{ *}}{{[1-9][0-9]*}} same, 0 different
// ALL-NEXT: x86_64 thinlto {{ *}}{{[1-9][0-9]*}} same, 0 different
// ALL:      {{^}}[[#]] same, 0 different, [[#]] skipped

// PTR:      x86_64 O0 {{ *}}1 same, 0 different, 0 skipped
// PTR-NEXT: x86_64 O2 {{ *}}1 same, 0 different, 0 skipped
// PTR-NEXT: x86_64 thinlto {{ *}}1 same, 0 different, 0 skipped

// RO: {{^}}1 same, 0 different, 0 skipped

// CONTROL: DIFFERENT: seed 1, x86_64, O2: area check: percpu-fuzz: FAIL
// CONTROL: {{^}}0 same, 1 different, 0 skipped
// SPDX-License-Identifier: BSD-2-Clause
