/* SPDX-License-Identifier: BSD-2-Clause */
/* The calling CPU's base register, through the architecture header. */
#include <percpu.h>

#include "percpu_internal.h"

/*
 * Every unit the pass lowers references __percpu_runtime_for_<register>:
 * defining it for the register this runtime was built for turns a unit
 * compiled for another register into a link error.
 */
const char PERCPU__PASTE(__percpu_runtime_for_, PERCPU__REGISTER) = 0;

uintptr_t percpu_read_reg(void) { return percpu_arch_read_reg(); }

int percpu_write_reg(uintptr_t value) { return percpu_arch_write_reg(value); }

int percpu_init_reg(unsigned cpu) {
  if (!percpu_cpu_online(cpu))
    return -PERCPU__EINVAL;
  return percpu_arch_write_reg(percpu_offset(cpu));
}
