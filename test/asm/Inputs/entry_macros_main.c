/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The <percpu.h> assembly macros against the compiler's own accesses,
 * under qemu-user: four CPUs played by switching the base register with
 * percpu_init_reg. The asm_* functions (entry_macros_<arch>.S) use one
 * macro each on counter, or on a byte 70000 into big (past the 64 KiB
 * that a 16-bit offset reaches).
 */
#include <percpu.h>

#include "../../qemu/Inputs/qemu_rt.h"

#define NCPUS 4
#define FAR 70000

DEFINE_PER_CPU(unsigned long, counter) = 7;
DEFINE_PER_CPU(unsigned char, big[FAR + 16]);

void *asm_addr(void);
void *asm_far(void);
unsigned long asm_load(void);
void asm_store(unsigned long v);
uintptr_t asm_get_base(void);
void asm_set_base(uintptr_t v);
void asm_zero_base(void);

static char areas[NCPUS * 0x20000 + 0x10000] __attribute__((aligned(4096)));

int main(void) {
  /* Base 0: the macros reach the template. */
  asm_zero_base();
  CHECK_EQ(percpu_read_reg(), 0);
  CHECK_EQ(asm_get_base(), 0);
  CHECK_PTR_EQ(asm_addr(), this_cpu_ptr(&counter));
  CHECK_EQ(asm_load(), 7);

  CHECK_EQ(percpu_init_buffer(areas, sizeof areas, NCPUS), NCPUS);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    CHECK_EQ(percpu_init_reg(cpu), 0);
    CHECK_EQ(asm_get_base(), percpu_read_reg());
    CHECK_PTR_EQ(asm_addr(), this_cpu_ptr(&counter));
    CHECK_PTR_EQ(asm_addr(), per_cpu_ptr(&counter, cpu));
    CHECK_PTR_EQ(asm_far(), this_cpu_ptr(&big[FAR]));
    CHECK_EQ(asm_load(), 7);
    asm_store(100 + cpu);
    CHECK_EQ(this_cpu_read(counter), 100 + cpu);
    this_cpu_add(counter, 1000);
    CHECK_EQ(asm_load(), 1100 + cpu);
  }
  /* Each CPU's store went to its own copy. */
  for (unsigned cpu = 0; cpu < NCPUS; cpu++)
    CHECK_EQ(per_cpu(counter, cpu), 1100 + cpu);

  /* percpu_set_base moves the macros and the compiler's accesses alike. */
  uintptr_t cpu1 = percpu_offset(1);
  asm_set_base(cpu1);
  CHECK_EQ(percpu_read_reg(), cpu1);
  CHECK_EQ(this_cpu_read(counter), 1101);
  CHECK_EQ(asm_load(), 1101);
  return rt_report(ARCH_NAME " asm macros");
}
