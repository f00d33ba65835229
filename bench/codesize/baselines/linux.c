/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Baseline (a): each operation written by hand in the style of Linux's
 * per-CPU headers (arch/<arch>/include/asm/percpu.h), delta model: the base
 * register holds "this CPU's area - template start", so this CPU's copy of v
 * is at base + &v. Functions are named as in ../accessors.c; bench/
 * insn-counts counts their instructions next to the project's.
 *
 * Each operation is a macro or inline asm in the function itself, not a
 * helper function, so that -O0 counts the operation and not a call.
 * Modelled: a kernel without CONFIG_PREEMPT_COUNT (preempt_disable() is a
 * compiler barrier), static LSE on arm64 (no ALTERNATIVE padding).
 */
#define barrier() __asm__ __volatile__("" ::: "memory")

/* The per-CPU variable and the table of every CPU's offset (remote access). */
__attribute__((section(".data..percpu"))) unsigned long v;
extern unsigned long __per_cpu_offset[] __attribute__((visibility("hidden")));
#define per_cpu_ptr_(p, cpu)                                                    \
  ((__typeof__(p))((unsigned long)(p) + __per_cpu_offset[(cpu)]))

#if defined(__x86_64__)
/* x86: %gs-relative instructions, RIP-relative operands ("m" on a global). */
__attribute__((section(".data..percpu"))) unsigned long this_cpu_off;

unsigned long op_read(void) {
  unsigned long r;
  __asm__ __volatile__("movq %%gs:%1, %0" : "=r"(r) : "m"(v));
  return r;
}
void op_write(unsigned long x) {
  __asm__ __volatile__("movq %1, %%gs:%0" : "+m"(v) : "re"(x));
}
void op_inc(void) { __asm__ __volatile__("incq %%gs:%0" : "+m"(v)); }
void op_add(unsigned long x) {
  __asm__ __volatile__("addq %1, %%gs:%0" : "+m"(v) : "re"(x));
}
unsigned long op_add_return(unsigned long x) {
  unsigned long t = x;
  __asm__ __volatile__("xaddq %0, %%gs:%1" : "+r"(t), "+m"(v));
  return t + x;
}
unsigned long op_xchg(unsigned long x) {
  unsigned long old;
  __asm__ __volatile__("movq %%gs:%1, %0\n"
                       "1:\tcmpxchgq %2, %%gs:%1\n\t"
                       "jnz 1b"
                       : "=&a"(old), "+m"(v)
                       : "r"(x)
                       : "memory");
  return old;
}
unsigned long op_cmpxchg(unsigned long o, unsigned long n) {
  __asm__ __volatile__("cmpxchgq %2, %%gs:%1"
                       : "+a"(o), "+m"(v)
                       : "r"(n)
                       : "memory");
  return o;
}
unsigned long *op_this_cpu_ptr(void) {
  unsigned long p = (unsigned long)&v;
  __asm__("addq %%gs:%1, %0" : "+r"(p) : "m"(this_cpu_off));
  return (unsigned long *)p;
}

#else
/* Everywhere else: base register + &v in C, the access in C or asm. */
#if defined(__aarch64__)
#define my_cpu_offset()                                                         \
  ({                                                                            \
    unsigned long __off;                                                        \
    __asm__("mrs %0, tpidr_el1" : "=r"(__off));                                 \
    __off;                                                                      \
  })
#elif defined(__riscv)
register unsigned long __my_cpu_offset __asm__("gp");
#define my_cpu_offset() __my_cpu_offset
#elif defined(__loongarch__)
register unsigned long __my_cpu_offset __asm__("$r21");
#define my_cpu_offset() __my_cpu_offset
#endif
#define raw_cpu_ptr(p) ((__typeof__(p))((unsigned long)(p) + my_cpu_offset()))

#if defined(__loongarch__)
/* LoongArch indexes the access by $r21 itself (preemption-safe). */
unsigned long op_read(void) {
  unsigned long r;
  __asm__ __volatile__("ldx.d %0, $r21, %1" : "=&r"(r) : "r"(&v) : "memory");
  return r;
}
void op_write(unsigned long x) {
  __asm__ __volatile__("stx.d %0, $r21, %1" ::"r"(x), "r"(&v) : "memory");
}
#else
unsigned long op_read(void) {
  unsigned long r;
  barrier();
  r = *(volatile unsigned long *)raw_cpu_ptr(&v);
  barrier();
  return r;
}
void op_write(unsigned long x) {
  barrier();
  *(volatile unsigned long *)raw_cpu_ptr(&v) = x;
  barrier();
}
#endif

#if defined(__aarch64__)
#define AMO_ADD(p, x) __asm__ __volatile__("stadd %1, %0" : "+Q"(*(p)) : "r"(x))
#define AMO_ADD_RET(p, x, r)                                                    \
  __asm__ __volatile__("ldadd %2, %1, %0" : "+Q"(*(p)), "=&r"(r) : "r"(x))
#define AMO_SWP(p, x, r)                                                        \
  __asm__ __volatile__("swp %2, %1, %0" : "+Q"(*(p)), "=&r"(r) : "r"(x))
#elif defined(__riscv)
#define AMO_ADD(p, x)                                                           \
  __asm__ __volatile__("amoadd.d zero, %1, %0" : "+A"(*(p)) : "r"(x))
#define AMO_ADD_RET(p, x, r)                                                    \
  __asm__ __volatile__("amoadd.d %1, %2, %0" : "+A"(*(p)), "=r"(r) : "r"(x))
#define AMO_SWP(p, x, r)                                                        \
  __asm__ __volatile__("amoswap.d %1, %2, %0" : "+A"(*(p)), "=r"(r) : "r"(x))
#elif defined(__loongarch__)
#define AMO_ADD(p, x)                                                           \
  __asm__ __volatile__("amadd.d $zero, %1, %0" : "+ZB"(*(p)) : "r"(x))
#define AMO_ADD_RET(p, x, r)                                                    \
  __asm__ __volatile__("amadd.d %1, %2, %0" : "+ZB"(*(p)), "=&r"(r) : "r"(x))
#define AMO_SWP(p, x, r)                                                        \
  __asm__ __volatile__("amswap.d %1, %2, %0" : "+ZB"(*(p)), "=&r"(r) : "r"(x))
#endif

void op_inc(void) { AMO_ADD(raw_cpu_ptr(&v), 1UL); }
void op_add(unsigned long x) { AMO_ADD(raw_cpu_ptr(&v), x); }
unsigned long op_add_return(unsigned long x) {
  unsigned long r;
  AMO_ADD_RET(raw_cpu_ptr(&v), x, r);
  return r + x;
}
unsigned long op_xchg(unsigned long x) {
  unsigned long r;
  AMO_SWP(raw_cpu_ptr(&v), x, r);
  return r;
}
unsigned long op_cmpxchg(unsigned long o, unsigned long n) {
  unsigned long *p = raw_cpu_ptr(&v), r;
#if defined(__aarch64__)
  __asm__ __volatile__("cas %0, %2, %1" : "+r"(o), "+Q"(*p) : "r"(n));
  r = o;
#elif defined(__riscv)
  unsigned long t;
  __asm__ __volatile__("0:\tlr.d %0, %2\n\t"
                       "bne %0, %z3, 1f\n\t"
                       "sc.d %1, %z4, %2\n\t"
                       "bnez %1, 0b\n"
                       "1:"
                       : "=&r"(r), "=&r"(t), "+A"(*p)
                       : "rJ"(o), "rJ"(n)
                       : "memory");
#elif defined(__loongarch__)
  unsigned long t;
  __asm__ __volatile__("1:\tll.d %0, %2\n\t"
                       "bne %0, %z3, 2f\n\t"
                       "move %1, %z4\n\t"
                       "sc.d %1, %2\n\t"
                       "beqz %1, 1b\n"
                       "2:\tdbar 0x700"
                       : "=&r"(r), "=&r"(t), "+ZB"(*p)
                       : "rJ"(o), "rJ"(n)
                       : "memory");
#endif
  return r;
}
unsigned long *op_this_cpu_ptr(void) { return raw_cpu_ptr(&v); }
#endif

unsigned long op_per_cpu(unsigned cpu) { return *per_cpu_ptr_(&v, cpu); }
