/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hot loops of the run-time benchmark (runtime.c drives them on
 * x86_64; runtime.py also counts their loop bodies on every architecture).
 * One function per (variant, operation), each N iterations of one access:
 *
 *   percpu  a per-CPU variable: this_cpu_inc, this_cpu_read, this_cpu_ptr
 *   tls     a local-exec __thread variable, the same operations in plain C
 *   atomic  one counter shared by every thread: __atomic_fetch_add and
 *           __atomic_load_n, sequentially consistent
 *   array   one cache-line-padded slot per CPU, indexed by get_cpu_id(),
 *           an external function (cpuid.c)
 *
 * Every loop body ends with a compiler barrier, so that each iteration
 * really accesses memory (no variant's loop collapses into one add), and
 * loops are not unrolled, so that the loop body is one iteration.
 */
#include <percpu.h>

#define MAX_CPUS 64
#define BARRIER() __asm__ __volatile__("" ::: "memory")
#define LOOP(body)                                                              \
  _Pragma("clang loop unroll(disable) vectorize(disable)") for (unsigned long  \
                                                                    i = 0;     \
                                                                i < n; i++) {  \
    body;                                                                      \
    BARRIER();                                                                 \
  }

DEFINE_PER_CPU(unsigned long, pc_counter);
static __thread unsigned long tls_counter __attribute__((tls_model("local-exec")));
unsigned long shared_counter __attribute__((aligned(64)));
struct slot {
  unsigned long v;
} __attribute__((aligned(64)));
struct slot slots[MAX_CPUS];
unsigned get_cpu_id(void);

void loop_percpu_inc(unsigned long n) { LOOP(this_cpu_inc(pc_counter)); }
void loop_tls_inc(unsigned long n) { LOOP(tls_counter++); }
void loop_atomic_inc(unsigned long n) {
  LOOP(__atomic_fetch_add(&shared_counter, 1, __ATOMIC_SEQ_CST));
}
void loop_array_inc(unsigned long n) { LOOP(slots[get_cpu_id()].v++); }

unsigned long loop_percpu_read(unsigned long n) {
  unsigned long s = 0;
  LOOP(s += this_cpu_read(pc_counter));
  return s;
}
/* __this_cpu_read: a plain load, which the compiler may fold into the add. */
unsigned long loop_percpu_raw_read(unsigned long n) {
  unsigned long s = 0;
  LOOP(s += __this_cpu_read(pc_counter));
  return s;
}
unsigned long loop_tls_read(unsigned long n) {
  unsigned long s = 0;
  LOOP(s += tls_counter);
  return s;
}
unsigned long loop_atomic_read(unsigned long n) {
  unsigned long s = 0;
  LOOP(s += __atomic_load_n(&shared_counter, __ATOMIC_SEQ_CST));
  return s;
}
unsigned long loop_array_read(unsigned long n) {
  unsigned long s = 0;
  LOOP(s += slots[get_cpu_id()].v);
  return s;
}

/* Take this CPU's pointer, then count through it. */
void loop_percpu_ptr(unsigned long n) {
  LOOP(unsigned long *p = this_cpu_ptr(&pc_counter); ++*p);
}
void loop_tls_ptr(unsigned long n) {
  LOOP(unsigned long *p = &tls_counter; ++*p);
}
void loop_array_ptr(unsigned long n) {
  LOOP(unsigned long *p = &slots[get_cpu_id()].v; ++*p);
}

/* Results, for checking that every loop did its work. */
unsigned long percpu_value(unsigned cpu) { return per_cpu(pc_counter, cpu); }
unsigned long tls_value(void) { return tls_counter; }
unsigned long array_value(unsigned cpu) { return slots[cpu].v; }

/* A control for the increment's time: an ordinary global, reached
 * RIP-relative as the per-CPU variable is, incremented by a relaxed load
 * and store (one `incq g(%rip)` on x86_64; race-free, so other threads'
 * increments may be lost, and its total is not checked). */
unsigned long global_counter __attribute__((aligned(64)));
void loop_global_inc(unsigned long n) {
  LOOP(__atomic_store_n(&global_counter,
                        __atomic_load_n(&global_counter, __ATOMIC_RELAXED) + 1,
                        __ATOMIC_RELAXED));
}
