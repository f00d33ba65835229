/* The calling CPU's base register, through the architecture header. */
#include <errno.h>

#include <percpu.h>

#include "percpu_internal.h"

uintptr_t percpu_read_reg(void) { return percpu_arch_read_reg(); }

int percpu_write_reg(uintptr_t value) { return percpu_arch_write_reg(value); }

int percpu_init_reg(unsigned cpu) {
  if (cpu >= percpu_area_num())
    return -EINVAL;
  return percpu_arch_write_reg(percpu_offset(cpu));
}
