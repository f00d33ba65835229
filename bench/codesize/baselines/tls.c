/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Baseline (c): a __thread variable with the local-exec TLS model: one copy
 * per thread rather than per CPU, reached from the thread pointer. The
 * operations are plain C (the thread is the copy's only user), so the
 * read-modify-writes are not interrupt-safe. There is no remote access to
 * another thread's copy, hence no op_per_cpu. Functions are named as in
 * ../accessors.c.
 */
static __thread unsigned long v __attribute__((tls_model("local-exec")));

unsigned long op_read(void) { return v; }
void op_write(unsigned long x) { v = x; }
void op_inc(void) { v++; }
void op_add(unsigned long x) { v += x; }
unsigned long op_add_return(unsigned long x) { return v += x; }
unsigned long op_xchg(unsigned long x) {
  unsigned long old = v;
  v = x;
  return old;
}
unsigned long op_cmpxchg(unsigned long o, unsigned long n) {
  unsigned long old = v;
  if (old == o)
    v = n;
  return old;
}
unsigned long *op_this_cpu_ptr(void) { return &v; }
