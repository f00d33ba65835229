/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Baseline (b): each operation written in the style of the reference Rust
 * crate (ArceOS percpu 0.4, percpu_macros/src/arch.rs), re-expressed in C
 * with inline asm. The crate's model is not the delta model: the template
 * section is linked at address 0, so a variable's symbol value is its offset
 * in the area, and the base register holds the area's address.
 *
 *   offset      x86 "mov eax, offset v"; aarch64 "movz #:abs_g0_nc:v" (only
 *               offsets below 64 KiB); riscv "lui %hi; addi %lo"; loongarch
 *               "lu12i.w %abs_hi20; ori %abs_lo12"
 *   current_ptr x86 "mov gs:[__PERCPU_SELF_PTR]; add offset v"; elsewhere
 *               the base register ("mrs", "mv gp", "move $r21") + offset
 *   read/write  x86 "mov gs:[offset v]"; riscv "lui; add gp; ld %lo";
 *               loongarch "lu12i.w; ori; ldx.d $r21"; aarch64 through
 *               current_ptr
 *
 * The crate has no read-modify-write operation: it modifies through
 * with_current (current_ptr + plain code) or read_current + write_current.
 * Each such function below uses the cheaper of the two, as plain (not
 * interrupt-safe) C, so its count is a lower bound for a safe version.
 * Remote access is percpu_area_base(cpu) + offset, with no bounds check.
 *
 * Operations are macros, not helper functions, so that -O0 counts the
 * operation itself. Functions are named as in ../accessors.c.
 */
__attribute__((section(".percpu"), used)) unsigned long v;
__attribute__((section(".percpu"), used)) unsigned long __PERCPU_SELF_PTR;
unsigned long percpu_area_base(unsigned long cpu);

#if defined(__x86_64__)
#define OFFSET()                                                                \
  ({                                                                            \
    unsigned long __o;                                                          \
    __asm__ __volatile__("movl $v, %k0" : "=r"(__o));                           \
    __o;                                                                        \
  })
#define CURRENT_PTR()                                                           \
  ({                                                                            \
    unsigned long __b;                                                          \
    __asm__ __volatile__("movq %%gs:__PERCPU_SELF_PTR, %0\n\t"                  \
                         "addq $v, %0"                                          \
                         : "=r"(__b));                                          \
    (unsigned long *)__b;                                                       \
  })
#define READ()                                                                  \
  ({                                                                            \
    unsigned long __r;                                                          \
    __asm__ __volatile__("movq %%gs:v, %0" : "=r"(__r));                        \
    __r;                                                                        \
  })
#define WRITE(x) __asm__ __volatile__("movq %0, %%gs:v" ::"r"(x))

#elif defined(__aarch64__)
#define OFFSET()                                                                \
  ({                                                                            \
    unsigned long __o;                                                          \
    __asm__ __volatile__("movz %0, #:abs_g0_nc:v" : "=r"(__o));                 \
    __o;                                                                        \
  })
#define BASE()                                                                  \
  ({                                                                            \
    unsigned long __b;                                                          \
    __asm__ __volatile__("mrs %0, TPIDR_EL1" : "=r"(__b));                      \
    __b;                                                                        \
  })
#define CURRENT_PTR() ((unsigned long *)(BASE() + OFFSET()))
#define READ() (*CURRENT_PTR())
#define WRITE(x) (*CURRENT_PTR() = (x))

#elif defined(__riscv)
#define OFFSET()                                                                \
  ({                                                                            \
    unsigned long __o;                                                          \
    __asm__ __volatile__("lui %0, %%hi(v)\n\taddi %0, %0, %%lo(v)"              \
                         : "=r"(__o));                                          \
    __o;                                                                        \
  })
#define BASE()                                                                  \
  ({                                                                            \
    unsigned long __b;                                                          \
    __asm__ __volatile__("mv %0, gp" : "=r"(__b));                              \
    __b;                                                                        \
  })
#define CURRENT_PTR() ((unsigned long *)(BASE() + OFFSET()))
#define READ()                                                                  \
  ({                                                                            \
    unsigned long __r;                                                          \
    __asm__ __volatile__("lui %0, %%hi(v)\n\tadd %0, %0, gp\n\t"                \
                         "ld %0, %%lo(v)(%0)"                                   \
                         : "=r"(__r));                                          \
    __r;                                                                        \
  })
#define WRITE(x)                                                                \
  ({                                                                            \
    unsigned long __t;                                                          \
    __asm__ __volatile__("lui %0, %%hi(v)\n\tadd %0, %0, gp\n\t"                \
                         "sd %1, %%lo(v)(%0)"                                   \
                         : "=&r"(__t)                                           \
                         : "r"(x));                                             \
  })

#elif defined(__loongarch__)
#define OFFSET()                                                                \
  ({                                                                            \
    unsigned long __o;                                                          \
    __asm__ __volatile__("lu12i.w %0, %%abs_hi20(v)\n\t"                        \
                         "ori %0, %0, %%abs_lo12(v)"                            \
                         : "=r"(__o));                                          \
    __o;                                                                        \
  })
#define BASE()                                                                  \
  ({                                                                            \
    unsigned long __b;                                                          \
    __asm__ __volatile__("move %0, $r21" : "=r"(__b));                          \
    __b;                                                                        \
  })
#define CURRENT_PTR() ((unsigned long *)(BASE() + OFFSET()))
#define READ()                                                                  \
  ({                                                                            \
    unsigned long __r;                                                          \
    __asm__ __volatile__("lu12i.w %0, %%abs_hi20(v)\n\t"                        \
                         "ori %0, %0, %%abs_lo12(v)\n\t"                        \
                         "ldx.d %0, %0, $r21"                                   \
                         : "=r"(__r));                                          \
    __r;                                                                        \
  })
#define WRITE(x)                                                                \
  ({                                                                            \
    unsigned long __t;                                                          \
    __asm__ __volatile__("lu12i.w %0, %%abs_hi20(v)\n\t"                        \
                         "ori %0, %0, %%abs_lo12(v)\n\t"                        \
                         "stx.d %1, %0, $r21"                                   \
                         : "=&r"(__t)                                           \
                         : "r"(x));                                             \
  })
#endif

unsigned long op_read(void) { return READ(); }
void op_write(unsigned long x) { WRITE(x); }

/*
 * Read-modify-writes. x86: read_current + write_current ("mov; op; mov"),
 * never more than with_current (the 2-instruction pointer, then the
 * operation on memory). Elsewhere with_current: the base register is read
 * once, where read + write would build the address twice.
 */
#if defined(__x86_64__)
void op_inc(void) { WRITE(READ() + 1); }
void op_add(unsigned long x) { WRITE(READ() + x); }
unsigned long op_add_return(unsigned long x) {
  unsigned long r = READ() + x;
  WRITE(r);
  return r;
}
unsigned long op_xchg(unsigned long x) {
  unsigned long old = READ();
  WRITE(x);
  return old;
}
unsigned long op_cmpxchg(unsigned long o, unsigned long n) {
  unsigned long old = READ();
  if (old == o)
    WRITE(n);
  return old;
}
#else
void op_inc(void) { *CURRENT_PTR() += 1; }
void op_add(unsigned long x) { *CURRENT_PTR() += x; }
unsigned long op_add_return(unsigned long x) { return *CURRENT_PTR() += x; }
unsigned long op_xchg(unsigned long x) {
  unsigned long *p = CURRENT_PTR();
  unsigned long old = *p;
  *p = x;
  return old;
}
unsigned long op_cmpxchg(unsigned long o, unsigned long n) {
  unsigned long *p = CURRENT_PTR();
  unsigned long old = *p;
  if (old == o)
    *p = n;
  return old;
}
#endif
unsigned long *op_this_cpu_ptr(void) { return CURRENT_PTR(); }
unsigned long op_per_cpu(unsigned cpu) {
  return *(unsigned long *)(percpu_area_base(cpu) + OFFSET());
}
