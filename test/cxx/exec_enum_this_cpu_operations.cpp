// RUN: %percpu_cxx -std=c++17 -O2 -pthread %s -o %t && %t
// Verify that this_cpu_read, _write, _xchg, _cmpxchg and _try_cmpxchg work on per-CPU C++ enumerations (scoped, volatile, unscoped with a fixed type, 8 bytes wide, through a template), which clang's __atomic builtins reject, reaching each CPU's copy with threads as CPUs, as one %gs: instruction without LOCK; that their values keep the enum's type check; and that pointers still take null pointer constants.
// RUN: %percpu_cxx -std=c++20 -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cxx -std=c++17 -O2 -S %s -o - | FileCheck %s --check-prefix=ASM
// RUN: %percpu_cxx -std=c++17 -O0 -S %s -o - | FileCheck %s --check-prefix=ASM
// RUN: %percpu_cxx --target=aarch64-linux-gnu -ffreestanding -std=c++17 -O2 -S -DNO_MAIN %s -o - | FileCheck %s --check-prefix=A64
// RUN: not %percpu_cxx -std=c++17 -fsyntax-only -DWRONG_TYPE %s 2>&1 | FileCheck %s --check-prefix=WRONG
// REQUIRES: native-x86_64, runtime-x86_64

#ifndef NO_MAIN
#include "../exec/Inputs/cpus.h"
#else
#include <percpu.h>
#endif

enum class State : unsigned char { Idle, Busy, Dead };
enum Plain : long { PA = 1, PB = 1L << 40 };
enum class Wide : unsigned long long { Lo = 1, Hi = 1ULL << 63 };
DEFINE_PER_CPU(State, state) = State::Idle;
DEFINE_PER_CPU(volatile State, vstate) = State::Idle;
DEFINE_PER_CPU(Plain, plain) = PA;
DEFINE_PER_CPU(Wide, wide) = Wide::Lo;
DEFINE_PER_CPU(int *, ptr) = nullptr;

// ASM-LABEL: _Z9set_state5State:
// ASM-NOT: lock
// ASM: movb %{{[a-z]+}}, %gs:state(%rip)
// A64-LABEL: _Z9set_state5State:
// A64: mrs [[BASE:x[0-9]+]], TPIDR_EL1
// A64: strb w0, {{\[}}[[BASE]], x{{[0-9]+}}]
void set_state(State s) { this_cpu_write(state, s); }
// ASM-LABEL: _Z8get_widev:
// ASM-NOT: lock
// ASM: movq %gs:wide(%rip), %rax
Wide get_wide() { return this_cpu_read(wide); }
// ASM-LABEL: _Z11claim_statev:
// ASM-NOT: lock
// ASM: cmpxchgb %{{[a-z]+}}, %gs:state(%rip)
// ASM-LABEL: .Lfunc_end
State claim_state() { return this_cpu_cmpxchg(state, State::Idle, State::Busy); }

#ifdef WRONG_TYPE
// WRONG: error: cannot initialize a parameter of type 'State' with an rvalue of type 'int'
void wrong() { this_cpu_write(state, 1); }
#endif

template <class E> E swap_in(E __percpu *p, E v) { return this_cpu_xchg(*p, v); }

#ifndef NO_MAIN
static int slots[4];

static void work(unsigned cpu) {
  EXPECT(this_cpu_read(state) == State::Idle);
  set_state(cpu % 2 ? State::Busy : State::Dead);
  EXPECT(claim_state() == (cpu % 2 ? State::Busy : State::Dead));
  State expected = State::Busy;
  EXPECT(this_cpu_try_cmpxchg(state, &expected, State::Idle) == (cpu % 2 == 1));
  EXPECT(expected == (cpu % 2 ? State::Busy : State::Dead));
  this_cpu_write(vstate, State::Busy);
  EXPECT(swap_in(&wide, Wide::Hi) == Wide::Lo);
  EXPECT(get_wide() == Wide::Hi);
  EXPECT(this_cpu_xchg(plain, PB) == PA);
  EXPECT(this_cpu_cmpxchg(ptr, 0, &slots[cpu]) == nullptr);
  EXPECT(this_cpu_cmpxchg(ptr, NULL, nullptr) == &slots[cpu]);
  this_cpu_write(ptr, 0);
  this_cpu_write(ptr, &slots[cpu]);
}

int main() {
  init_areas(4);
  run_on_cpus(4, work);
  for (unsigned cpu = 0; cpu < 4; cpu++) {
    EXPECT(per_cpu(state, cpu) == (cpu % 2 ? State::Idle : State::Dead));
    EXPECT(per_cpu(vstate, cpu) == State::Busy);
    EXPECT(per_cpu(wide, cpu) == Wide::Hi);
    EXPECT(per_cpu(plain, cpu) == PB);
    EXPECT(per_cpu(ptr, cpu) == &slots[cpu]);
  }
  /* The template, which no CPU's register reaches, is untouched. */
  EXPECT(state == State::Idle);
  EXPECT(vstate == State::Idle);
  EXPECT(wide == Wide::Lo);
  EXPECT(plain == PA);
  EXPECT(ptr == nullptr);
  return 0;
}
#endif
// SPDX-License-Identifier: BSD-2-Clause
