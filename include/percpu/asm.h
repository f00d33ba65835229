/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Assembly macros for entry and trap code: this CPU's copy of a per-CPU
 * symbol, one header per architecture. <percpu.h> includes this from .S.
 */
#if defined(__x86_64__)
#include <percpu/asm/x86_64.h>
#elif defined(__aarch64__)
#include <percpu/asm/aarch64.h>
#elif defined(__riscv)
#include <percpu/asm/riscv.h>
#elif defined(__loongarch__)
#include <percpu/asm/loongarch64.h>
#else
#error "percpu/asm.h: unsupported architecture"
#endif
