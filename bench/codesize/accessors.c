/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * One function per per-CPU operation on an unsigned long, for counting the
 * instructions each compiles to (bench/insn-counts). Keep each function a
 * single operation: the count is what the operation costs.
 */
#include <percpu.h>

DEFINE_PER_CPU(unsigned long, v);

unsigned long op_read(void) { return this_cpu_read(v); }
void op_write(unsigned long x) { this_cpu_write(v, x); }
void op_inc(void) { this_cpu_inc(v); }
void op_add(unsigned long x) { this_cpu_add(v, x); }
void op_and(unsigned long x) { this_cpu_and(v, x); }
unsigned long op_add_return(unsigned long x) { return this_cpu_add_return(v, x); }
unsigned long op_xchg(unsigned long x) { return this_cpu_xchg(v, x); }
unsigned long op_cmpxchg(unsigned long o, unsigned long n) { return this_cpu_cmpxchg(v, o, n); }
unsigned long op_raw_read(void) { return __this_cpu_read(v); }
void op_raw_inc(void) { __this_cpu_inc(v); }
unsigned long *op_this_cpu_ptr(void) { return this_cpu_ptr(&v); }
unsigned long op_per_cpu(unsigned cpu) { return per_cpu(v, cpu); }
