/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Preemption hooks for get_cpu_var/put_cpu_var. User space has nothing to
 * disable (a thread that plays a CPU never migrates off its register); a
 * kernel links strong definitions that win over these.
 */
#include <percpu.h>

__attribute__((weak)) void percpu_preempt_disable(void) {}

__attribute__((weak)) void percpu_preempt_enable(void) {}
