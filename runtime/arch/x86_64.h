/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64: the base register is the GS base.
 *
 * Linux user space (the default): wrgsbase/rdgsbase when the kernel allows
 * them (AT_HWCAP2 has HWCAP2_FSGSBASE, Linux 5.9+), otherwise arch_prctl.
 * The syscall path rejects values the kernel deems kernel addresses
 * (>= TASK_SIZE_MAX) with -EPERM, which happens when an area lies below the
 * template; the instruction path takes any canonical value.
 *
 * PERCPU_KERNEL: ring 0, the IA32_GS_BASE MSR. (A kernel that runs with
 * swapgs keeps its own base in IA32_GS_BASE while in the kernel.)
 *
 * PERCPU_X86_NO_FSGSBASE forces the syscall path (for tests).
 */
#ifndef PERCPU_ARCH_X86_64_H
#define PERCPU_ARCH_X86_64_H

#define PERCPU_ARCH_DEFAULT_REGISTER gs

/*
 * The set-up's copies and fills (bytes.h): rep movsb and rep stosb, which
 * fast strings (ERMS, FSRM) make the fastest way from a few hundred bytes
 * up; glibc's memcpy switches to them above about 2 KiB on such CPUs, and
 * Linux's memcpy uses them throughout. They also have no size dispatch,
 * whose branches a set-up that runs once, cold, would mispredict.
 */
#define PERCPU_ARCH_COPY_BYTES 1
static inline void percpu_arch_copy(void *dst, const void *src, size_t n) {
  __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

static inline void percpu_arch_zero(void *dst, size_t n) {
  __asm__ volatile("rep stosb" : "+D"(dst), "+c"(n) : "a"(0) : "memory");
}

#ifdef PERCPU_KERNEL

#define PERCPU_X86_MSR_GS_BASE 0xc0000101u

static inline uintptr_t percpu_arch_read_reg(void) {
  uint32_t lo, hi;
  __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(PERCPU_X86_MSR_GS_BASE));
  return (uintptr_t)hi << 32 | lo;
}

static inline int percpu_arch_write_reg(uintptr_t value) {
  __asm__ volatile("wrmsr"
                   :
                   : "c"(PERCPU_X86_MSR_GS_BASE), "a"((uint32_t)value),
                     "d"((uint32_t)(value >> 32))
                   : "memory");
  return 0;
}

#else

#if !__STDC_HOSTED__
/* User space reads AT_HWCAP2 with the C library's getauxval. */
#error "percpu runtime: freestanding x86_64 is for kernels: -DPERCPU_KERNEL"
#endif

#define PERCPU_X86_SYS_arch_prctl 158
#define PERCPU_X86_ARCH_SET_GS 0x1001
#define PERCPU_X86_ARCH_GET_GS 0x1004

/* Whether the kernel allows wrgsbase: x86_64_hwcap.c reads AT_HWCAP2 with
 * the C library's getauxval. */
#ifdef PERCPU_X86_NO_FSGSBASE
#define percpu__x86_fsgsbase() 0
#else
int percpu__x86_fsgsbase(void) __attribute__((visibility("hidden")));
#endif

/* The syscall instruction overwrites rcx (return rip) and r11 (rflags). */
static inline long percpu__x86_arch_prctl(long code, unsigned long arg) {
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"((long)PERCPU_X86_SYS_arch_prctl), "D"(code), "S"(arg)
                   : "rcx", "r11", "memory");
  return ret;
}

static inline uintptr_t percpu_arch_read_reg(void) {
  unsigned long value = 0;
  if (percpu__x86_fsgsbase())
    __asm__ volatile("rdgsbase %0" : "=r"(value));
  else
    percpu__x86_arch_prctl(PERCPU_X86_ARCH_GET_GS, (unsigned long)&value);
  return value;
}

/* "memory": no per-CPU access may move across the change of base. */
static inline int percpu_arch_write_reg(uintptr_t value) {
  if (percpu__x86_fsgsbase()) {
    __asm__ volatile("wrgsbase %0" : : "r"(value) : "memory");
    return 0;
  }
  return (int)percpu__x86_arch_prctl(PERCPU_X86_ARCH_SET_GS, value);
}

#endif
#endif
