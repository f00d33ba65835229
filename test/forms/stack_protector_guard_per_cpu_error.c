// RUN: not %percpu_cc --target=x86_64-linux-gnu -O2 -g -fstack-protector-all -mstack-protector-guard=global -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=error: --implicit-check-not=note:
// Verify that a per-CPU variable the stack protector would read as its guard (__stack_chk_guard, or the -mstack-protector-guard-symbol), which the back end addresses without the base register and so reads in the template, is an error at the variable with a hint, on x86_64, aarch64, riscv64 and loongarch64, at -O0 and -O2, and that the same variables are accepted under other names.
// RUN: not %percpu_cc --target=aarch64-linux-gnu -ffreestanding -O0 -g -fstack-protector-all -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=riscv64-linux-gnu -ffreestanding -O2 -g -fstack-protector-strong -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=loongarch64-linux-gnu -ffreestanding -O2 -g -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %percpu_cc --target=x86_64-none-elf --percpu-kernel -ffreestanding -O2 -g -fstack-protector-all -mstack-protector-guard-reg=gs -mstack-protector-guard-symbol=canary -DCANARY -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=SYMBOL --implicit-check-not=error: --implicit-check-not=note:
// RUN: %percpu_cc --target=aarch64-linux-gnu -ffreestanding -O2 -fstack-protector-all -DCANARY -S %s -o - | FileCheck %s --check-prefix=OTHER

#include <percpu.h>

#ifdef CANARY
// SYMBOL: stack_protector_guard_per_cpu_error.c:[[@LINE+3]]:31: error: 'canary': the stack protector reads its guard without the per-CPU base register, so this per-CPU variable would be read in the template, not this CPU's copy{{$}}
// SYMBOL-NEXT: note: make the guard an ordinary global variable{{$}}
#define GUARD canary
DEFINE_PER_CPU(unsigned long, canary);
#else
// DEFAULT: stack_protector_guard_per_cpu_error.c:[[@LINE+3]]:31: error: '__stack_chk_guard': the stack protector reads its guard without the per-CPU base register, so this per-CPU variable would be read in the template, not this CPU's copy{{$}}
// DEFAULT-NEXT: note: make the guard an ordinary global variable{{$}}
#define GUARD __stack_chk_guard
DEFINE_PER_CPU(unsigned long, __stack_chk_guard);
#endif

void use(char *);

// OTHER-LABEL: protected:
// OTHER: mrs {{x[0-9]+}}, TPIDR_EL1
void protected(unsigned long v)
{
	char buf[64];
	use(buf);
	this_cpu_write(GUARD, v);
}
// SPDX-License-Identifier: BSD-2-Clause
