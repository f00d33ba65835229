/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Baseline (d): an array with one cache-line-padded slot per CPU, indexed
 * by the result of a CPU-id call (get_cpu_id: an external function, as
 * sched_getcpu() or a kernel's smp_processor_id() would be when not
 * inlined). Plain C operations: not interrupt-safe, and a migration between
 * the call and the access reaches the old CPU's slot. Functions are named
 * as in ../accessors.c.
 */
#define NR_CPUS 1024

struct slot {
  unsigned long v;
} __attribute__((aligned(64)));

struct slot counters[NR_CPUS];
unsigned get_cpu_id(void);

unsigned long op_read(void) { return counters[get_cpu_id()].v; }
void op_write(unsigned long x) { counters[get_cpu_id()].v = x; }
void op_inc(void) { counters[get_cpu_id()].v++; }
void op_add(unsigned long x) { counters[get_cpu_id()].v += x; }
unsigned long op_add_return(unsigned long x) {
  return counters[get_cpu_id()].v += x;
}
unsigned long op_xchg(unsigned long x) {
  unsigned long *p = &counters[get_cpu_id()].v;
  unsigned long old = *p;
  *p = x;
  return old;
}
unsigned long op_cmpxchg(unsigned long o, unsigned long n) {
  unsigned long *p = &counters[get_cpu_id()].v;
  unsigned long old = *p;
  if (old == o)
    *p = n;
  return old;
}
unsigned long *op_this_cpu_ptr(void) { return &counters[get_cpu_id()].v; }
unsigned long op_per_cpu(unsigned cpu) { return counters[cpu].v; }
