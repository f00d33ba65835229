/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Code-quality cases (issue 14, part 4): per-CPU code whose instruction
 * count alone hides what it costs. quality.py compiles this file for every
 * architecture and looks at each function's code for the sequence that
 * shows the miss, and for the one that shows it fixed.
 */
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);
void external(void);

#define BARRIER() __asm__ __volatile__("" ::: "memory")

/* The result is unused: an AMO without a destination (aarch64 stadd,
 * LoongArch amadd.d without _db) is enough. */
void q_add(unsigned long x) { this_cpu_add(v, x); }

/* this_cpu_ptr in a loop: x86_64 reads %gs:__percpu_self_offset each time.
 * The barrier is an asm the pass must take for a preemption boundary (as
 * preempt_disable/enable are), so the read stays after it, as Linux's
 * this_cpu_off read does. */
void q_ptr_loop(unsigned long n) {
  for (unsigned long i = 0; i < n; i++) {
    ++*this_cpu_ptr(&v);
    BARRIER();
  }
}

/* The same loop without the barrier: nothing in it can switch CPUs, so
 * the offset can be read once, before the loop. */
void q_ptr_loop_plain(unsigned long n) {
#pragma clang loop unroll(disable)
  for (unsigned long i = 0; i < n; i++)
    ++*this_cpu_ptr(&v);
}

/* A read in a loop that calls out: the address part of the read
 * (auipc/pcalau12i + addi) could be computed once, the base register must
 * be read again after each call. */
unsigned long q_read_call_loop(unsigned long n) {
  unsigned long s = 0;
  for (unsigned long i = 0; i < n; i++) {
    s += this_cpu_read(v);
    external();
  }
  return s;
}

/* Raw read-modify-writes against the IRQ-safe one. */
void q_plain_inc(void) { v++; }
void q_raw_inc(void) { __this_cpu_inc(v); }
void q_inc(void) { this_cpu_inc(v); }
