// RUN: rm -rf %t.dir && mkdir -p %t.dir/sub && cd %t.dir
// Verify that percpu-cc reads @file response files as clang does (nested files named relative to the working directory, GNU quoting, a missing file left to clang) and decides on what they hold: --target and -mabi choose the runtime and the linker, -shared drops the runtime, percpu-cc's own options work there too (and never reach clang); all under -Werror.
//
// Compile only, and a native link, under -Werror.
// RUN: echo "-O2 -c %S/Inputs/two_cpus.c -o two.o" > compile.rsp
// RUN: %percpu_cc -Werror @compile.rsp
// RUN: llvm-nm two.o | FileCheck %s --check-prefix=OBJ
// RUN: echo "-O2 %S/Inputs/two_cpus.c -o two.out" > link.rsp
// RUN: %percpu_cc -Werror @link.rsp
// RUN: ./two.out | FileCheck %s --check-prefix=OUT
//
// --target and -mabi inside a nested file: a soft-float riscv64 program,
// linked with lld and the lp64 runtime, runs under qemu-user.
// RUN: echo "--target=riscv64-linux-gnu '-mabi=lp64' -march=rv64imac" > sub/target.rsp
// RUN: echo "@sub/target.rsp -ffreestanding -nostdlib -static -O2 %S/Inputs/two_cpus_freestanding.c %S/../qemu/Inputs/qemu_rt.c -o rv.out" > rv.rsp
// RUN: %percpu_cc --percpu-print-runtime @rv.rsp | FileCheck %s --check-prefix=RT -DLIB=%percpu_lib
// RUN: %percpu_cc --percpu-print-config @rv.rsp | FileCheck %s --check-prefix=RVCONFIG -DLIB=%percpu_lib
// RUN: %if qemu-riscv64 %{ %percpu_cc -Werror @rv.rsp %}
// RUN: %if qemu-riscv64 %{ llvm-readelf -h rv.out | FileCheck %s --check-prefix=SOFT %}
// RUN: %if qemu-riscv64 %{ %run-riscv64 rv.out | FileCheck %s --check-prefix=QEMU %}
//
// Quoting, as clang's GNU tokenizer reads it: blanks inside quotes or
// after a backslash, a backslash taking the next character inside quotes
// too. With a percpu-cc option in the file, percpu-cc's reading of it is
// what clang gets, and it gives what clang's own reading gives.
// RUN: %clang -E -P @%S/Inputs/quoting.rsp %s > quote.clang
// RUN: FileCheck %s --check-prefix=QUOTE < quote.clang
// RUN: echo "--percpu-preempt-hooks @%S/Inputs/quoting.rsp" > quote-own.rsp
// RUN: %percpu_cc -Werror @quote-own.rsp %s > quote.percpu
// RUN: diff quote.clang quote.percpu
// percpu-cc's own options in a file: taken out, and clang gets the rest
// (from a response file in memory).
// RUN: echo "--percpu-single-cpu -O2 -c '%S/Inputs/two_cpus.c' -o single.o" > own.rsp
// RUN: %percpu_cc --percpu-print-config @own.rsp | FileCheck %s --check-prefix=OWN
// RUN: %percpu_cc -Werror @own.rsp
// RUN: llvm-nm single.o | FileCheck %s --check-prefix=SINGLE
// RUN: echo "@own.rsp" > own-nested.rsp
// RUN: rm single.o && %percpu_cc -Werror -### @own-nested.rsp 2>&1 | FileCheck %s --check-prefix=OWN-CMD
// RUN: echo "--percpu-reg=tp --target=riscv64-linux-gnu" > reg.rsp
// RUN: %percpu_cc --percpu-print-runtime @reg.rsp | FileCheck %s --check-prefix=REG -DLIB=%percpu_lib
// -shared in a file links no runtime.
// RUN: echo "-shared -fPIC" > shared.rsp
// RUN: %percpu_cc --percpu-print-config @shared.rsp %s | FileCheck %s --check-prefix=SHARED
// A file that does not exist is clang's argument, and its error.
// RUN: not %percpu_cc -c @missing.rsp 2>&1 | FileCheck %s --check-prefix=MISSING
// A file that includes itself.
// RUN: echo "-c @loop.rsp" > loop.rsp
// RUN: not %percpu_cc @loop.rsp 2>&1 | FileCheck %s --check-prefix=LOOP
// REQUIRES: native-x86_64, runtime-x86_64, runtime-riscv64

// OBJ: U percpu_init
// OUT: two cpus: ok
// RT: {{^}}[[LIB]]/riscv64-lp64/libpercpu.a{{$}}
// RVCONFIG: target: riscv64-linux-gnu
// RVCONFIG: abi: lp64{{$}}
// RVCONFIG-NOT: --target
// RVCONFIG: command: {{.*}} -fuse-ld=lld {{.*}}--end-no-unused-arguments @rv.rsp {{.*}}[[LIB]]/riscv64-lp64/libpercpu.a --end-no-unused-arguments{{$}}
// SOFT: Flags: 0x1, RVC{{$}}
// QEMU: riscv64: 6 checks passed
// QUOTE: int a = one two;
// QUOTE-NEXT: const char *b = "x\y";
// QUOTE-NEXT: int c = p q;
// QUOTE-NEXT: const char *d = "it's";
// OWN: mode: single-cpu
// OWN: command: {{.*}} -DPERCPU_SINGLE_CPU --end-no-unused-arguments -O2 -c {{.*}}two_cpus.c -o single.o {{.*}}x86_64-single/libpercpu.a
// OWN-NOT: --percpu-single-cpu
// SINGLE: U __percpu_runtime_for_single_cpu
// OWN-CMD: "-cc1"
// OWN-CMD-SAME: "-D" "PERCPU_SINGLE_CPU"
// OWN-CMD-NOT: percpu-single-cpu
// REG: {{^}}[[LIB]]/riscv64-tp/libpercpu.a{{$}}
// SHARED: runtime: none (-shared)
// MISSING: no such file or directory: '@missing.rsp'
// LOOP: percpu-cc: error: response file loop.rsp: nested more than 64 deep (does it include itself?)

#ifdef A
int a = A;
const char *b = B;
int c = C;
const char *d = D;
#endif
// SPDX-License-Identifier: BSD-2-Clause
