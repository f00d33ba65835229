/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cxx_features.h as a freestanding static program under qemu-user: one
 * thread plays each CPU in turn (percpu_init_reg), then checks every copy
 * with the register back at 0, where plain accesses reach the template.
 *
 * Without a C++ runtime nothing throws, but the calls through
 * throw_if_odd are invokes all the same: the stubs below satisfy the
 * references of their landing pads and fail loudly if one is ever taken.
 */
#ifndef PERCPU_TEST_QEMU_CXX_MAIN_H
#define PERCPU_TEST_QEMU_CXX_MAIN_H

extern "C" {
#include "../../qemu/Inputs/qemu_rt.h"
}
#include "../../Inputs/table_capacity.h"

static void never_throws(unsigned) {}
void (*volatile throw_if_odd)(unsigned n) = never_throws;

#include "cxx_features.h"

extern "C" {
void _Unwind_Resume(void *) { rt_exit(90); }
int __gxx_personality_v0() { rt_exit(91); }
void *__cxa_begin_catch(void *) { rt_exit(92); }
void __cxa_end_catch() { rt_exit(93); }
}
namespace std {
[[noreturn]] void terminate() noexcept { rt_exit(94); }
} // namespace std
/* typeinfo for unsigned int, which catch (unsigned) names. */
extern const void *const typeinfo_unsigned[2] __asm__("_ZTIj");
const void *const typeinfo_unsigned[2] = {};

#define NCPUS 3
alignas(4096) static char areas[(2 * NCPUS + 1) * 4096 + TABLE_CAPACITY_BYTES];

int main() {
  CHECK(percpu_areas_bytes(NCPUS) <= sizeof areas);
  CHECK_EQ(percpu_init(areas, NCPUS), NCPUS);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    CHECK_EQ(percpu_init_reg(cpu), 0);
    cxx_test::cxx_work(cpu);
  }
  CHECK_EQ(percpu_write_reg(0), 0);
  cxx_test::cxx_verify(NCPUS);
  return rt_report("C++ on per-CPU variables");
}

#endif
