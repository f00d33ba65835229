/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <percpu/asm.h>: the assembly macros for per-CPU data of the target
 * architecture, for .S files (entry and trap code). Each architecture's
 * header documents its macros and scratch registers.
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
