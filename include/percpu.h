/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * percpu.h - per-CPU variables for C, lowered by the percpu-llvm plugin.
 *
 * A per-CPU variable is a global with one copy per CPU. Define it once,
 * then use it like any variable; every access touches *this CPU's copy*:
 *
 *	DEFINE_PER_CPU(unsigned long, hits);
 *	void on_event(void) { this_cpu_inc(hits); }
 *
 * The link-time copy of every per-CPU variable is the *template*. The
 * runtime (percpu_init) gives each CPU an *area*, a copy of the template,
 * and each CPU's base register (x86_64: GS base) holds
 * "area - template start". Until a CPU sets its register, its accesses
 * reach the template itself.
 *
 * A per-CPU pointer (&var, type "T __percpu *") holds the template address.
 * Storing, passing and comparing it is free; dereferencing it (directly or
 * with the this_cpu_* operations) reaches this CPU's copy. Converting it to
 * an ordinary pointer takes this_cpu_ptr() or per_cpu_ptr(): the compiler
 * rejects an implicit conversion.
 *
 * Every file that includes this header must be compiled with the plugin
 * (percpu-cc does it); otherwise the program fails to link, naming
 * PERCPU_PLUGIN_MISSING_SYM.
 */
#ifndef PERCPU_H
#define PERCPU_H

/* Assembly (.S): only the entry-code macros of percpu/asm.h. */
#ifdef __ASSEMBLER__
#include "percpu/asm.h"
#else

#include "percpu/abi.h"
#include "percpu/types.h"
#include "percpu/version.h"

/*
 * The header needs no other (percpu/types.h): it compiles with -nostdinc
 * -ffreestanding. A compile that has <stddef.h> and <stdint.h> (the C
 * library's or, with -ffreestanding, the compiler's) still gets them, as
 * before, for the programs that use size_t and uintptr_t with <percpu.h>
 * alone.
 */
#if __has_include(<stddef.h>) && __has_include(<stdint.h>)
#include <stddef.h>
#include <stdint.h>
#endif

#ifndef __clang__
#error "percpu.h needs clang with the percpu-llvm plugin (see README.md)"
#endif

/* The qualifier that makes a global per-CPU. */
#define __percpu __attribute__((address_space(PERCPU_ADDRESS_SPACE)))

/*
 * __percpu_typeof_unqual(x): the type of x without const, volatile (and in C
 * _Atomic) or the per-CPU address space: the type of a plain copy of x.
 *  C++: templates (clang deduces an address space in a partial
 *       specialisation); <type_traits> is not needed, a freestanding
 *       kernel may not have it.
 *  C:   __typeof_unqual__ (clang 19 and later, every C mode), else C23's
 *       typeof_unqual (-std=c2x/c23), else (clang 16-18 before C23) the
 *       type of "(void)0, x", which lvalue conversion leaves unqualified.
 *       That conversion also turns an array into a pointer, a silently
 *       wrong type, so there an array is a compile-time error instead.
 */
#ifdef __cplusplus
extern "C++" {
template <class T> struct __percpu_strip_as { typedef T type; };
template <class T> struct __percpu_strip_as<__percpu T> { typedef T type; };
template <class T> struct __percpu_strip_cv { typedef T type; };
template <class T> struct __percpu_strip_cv<const T> { typedef T type; };
template <class T> struct __percpu_strip_cv<volatile T> { typedef T type; };
template <class T> struct __percpu_strip_cv<const volatile T> {
  typedef T type;
};
template <class T>
using __percpu_unqual_t = typename __percpu_strip_cv<
    typename __percpu_strip_as<T>::type>::type;

/*
 * __percpu_word<T>: what the __atomic builtins behind this_cpu_read,
 * _write, _xchg, _cmpxchg and _try_cmpxchg work on for a variable of
 * unqualified type T. The builtins take integers and pointers but no C++
 * scoped enumeration, so an enum (any: one test) works on its underlying
 * type: in() converts a value (implicitly to T first, so the enum's type
 * check stays), out() converts the result back. For every other T both
 * are the identity, with the implicit conversion to T that the builtin
 * makes (a null pointer constant stays one).
 */
template <class T, bool = __is_enum(T)> struct __percpu_word {
  typedef T type;
  __attribute__((always_inline)) static constexpr T in(T v) { return v; }
  __attribute__((always_inline)) static constexpr T out(T v) { return v; }
  __attribute__((always_inline)) static constexpr T *inp(T *p) { return p; }
};
template <class T> struct __percpu_word<T, true> {
  typedef __underlying_type(T) type;
  __attribute__((always_inline)) static constexpr type in(T v) {
    return static_cast<type>(v);
  }
  __attribute__((always_inline)) static constexpr T out(type v) {
    return static_cast<T>(v);
  }
  __attribute__((always_inline)) static type *inp(T *p) {
    return reinterpret_cast<type *>(p);
  }
};
/* The pointer to a variable of type T as the builtins take it: the word,
 * with T's qualifiers and address space. */
template <class T> struct __percpu_word_cv {
  typedef typename __percpu_word<T>::type type;
};
template <class T> struct __percpu_word_cv<const T> {
  typedef const typename __percpu_word<T>::type type;
};
template <class T> struct __percpu_word_cv<volatile T> {
  typedef volatile typename __percpu_word<T>::type type;
};
template <class T> struct __percpu_word_cv<const volatile T> {
  typedef const volatile typename __percpu_word<T>::type type;
};
template <class T> struct __percpu_word_ptr {
  typedef typename __percpu_word_cv<T>::type *type;
};
template <class T> struct __percpu_word_ptr<__percpu T> {
  typedef __percpu typename __percpu_word_cv<T>::type *type;
};
}
#define __percpu_typeof_unqual(x) __percpu_unqual_t<__typeof__(x)>
#elif !__is_identifier(__typeof_unqual__)
#define __percpu_typeof_unqual(x) __typeof_unqual__(x)
#elif !__is_identifier(typeof_unqual)
#define __percpu_typeof_unqual(x) typeof_unqual(x)
#else
/* Top-level qualifiers and _Atomic aside, only an array differs from its
 * conversion. */
#define __percpu_typeof_unqual(x)                                               \
  __typeof__((void)sizeof(struct {                                              \
    _Static_assert(                                                             \
        __builtin_types_compatible_p(__typeof__(x), __typeof__((void)0, x)) ||  \
            __builtin_types_compatible_p(__typeof__(x),                         \
                                         _Atomic(__typeof__((void)0, x))),      \
        "per-CPU array: this clang cannot name its unqualified type before "    \
        "C23; take the element (per_cpu(arr[i], cpu), this_cpu_ptr(&arr[i])), " \
        "or compile with -std=c2x or clang 19 or later");                       \
    int __percpu_unused;                                                        \
  }),                                                                           \
             (void)0, x)
#endif

/*
 * clang -fno-gnu-inline-asm rejects asm statements with text (an empty one
 * and asm labels stay): the forms below that need one have a C fallback.
 */
#ifdef __has_extension
#if !__has_extension(gnu_asm)
#define __PERCPU_NO_GNU_ASM 1
#endif
#endif

/*
 * The header's statics below keep their C names in C++ too, where internal
 * linkage mangles them, extern "C" or not: the pass looks for the names.
 */
#ifdef __cplusplus
#define __percpu_c_name(name) __asm__(#name)
#else
#define __percpu_c_name(name)
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define PERCPU_PAGE_BYTES 4096

/*
 * Definitions. Use "static DEFINE_PER_CPU(...)" for a file-local variable
 * and DECLARE_PER_CPU in a header for one defined elsewhere. An initialiser
 * may follow DEFINE_PER_CPU; every CPU's copy starts with it.
 */
#define DECLARE_PER_CPU(type, name) extern __percpu __typeof__(type) name
#define DEFINE_PER_CPU(type, name) __percpu __typeof__(type) name

/* Cache-line aligned: for data written often by its own CPU. */
#define DECLARE_PER_CPU_ALIGNED(type, name)                                     \
  extern __percpu __typeof__(type) name                                         \
      __attribute__((aligned(PERCPU_CACHELINE_BYTES)))
#define DEFINE_PER_CPU_ALIGNED(type, name)                                      \
  __percpu __typeof__(type) name                                                \
      __attribute__((aligned(PERCPU_CACHELINE_BYTES)))

/*
 * Cache-line aligned and padded to whole lines, so that no other variable
 * shares its lines: for data other CPUs read too (Linux puts it in a
 * subsection of its own).
 */
#define DECLARE_PER_CPU_SHARED_ALIGNED DECLARE_PER_CPU_ALIGNED
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name)                               \
  __percpu __typeof__(type) name __attribute__((                                \
      aligned(PERCPU_CACHELINE_BYTES), section(PERCPU_SHARED_ALIGNED_SECTION)))

#define DECLARE_PER_CPU_PAGE_ALIGNED(type, name)                                \
  extern __percpu __typeof__(type) name                                         \
      __attribute__((aligned(PERCPU_PAGE_BYTES)))
#define DEFINE_PER_CPU_PAGE_ALIGNED(type, name)                                 \
  __percpu __typeof__(type) name __attribute__((aligned(PERCPU_PAGE_BYTES)))

/* Read mostly: no special placement yet, kept for kernel source compatibility. */
#define DECLARE_PER_CPU_READ_MOSTLY DECLARE_PER_CPU
#define DEFINE_PER_CPU_READ_MOSTLY DEFINE_PER_CPU

/* Kernel source compatibility: nothing to export outside a kernel. */
#define EXPORT_PER_CPU_SYMBOL(var)
#define EXPORT_PER_CPU_SYMBOL_GPL(var)

/* Implemented by the pass: this CPU's copy of *p, as an ordinary pointer. */
void *__percpu_this_cpu_ptr(const volatile void __percpu *p);

/* The ordinary pointer type matching the per-CPU pointer p. */
#define __percpu_plain_ptr_type(p) __percpu_typeof_unqual(*(p)) *

/*
 * Pointers.
 * this_cpu_ptr(p)     this CPU's copy of *p; valid until the caller may
 *                     migrate to another CPU (see get_cpu_ptr).
 * per_cpu_ptr(p, cpu) CPU cpu's copy of *p; NULL when cpu is not below
 *                     percpu_area_num() or has no area yet (see
 *                     percpu_setup_cpu), so a bad index faults loudly.
 * per_cpu(var, cpu)   CPU cpu's copy of var, as an lvalue: two loads from
 *                     the offset table, as Linux's; a cpu not below
 *                     percpu_area_num() faults or traps, and one without
 *                     an area yet faults on a 64-bit target
 *                     (PERCPU_OFFSET_OFFLINE). On AArch64 the bound is
 *                     the table's capacity, PERCPU_MAX_CPUS (below), and
 *                     every cpu without an area faults.
 */
#define this_cpu_ptr(p)                                                         \
  ((__percpu_plain_ptr_type(p))__percpu_this_cpu_ptr(__percpu_guard(p)))
#define raw_cpu_ptr(p) this_cpu_ptr(p)
#define per_cpu_ptr(p, cpu)                                                     \
  ((__percpu_plain_ptr_type(p))__percpu_remote((p), (cpu)))
#define per_cpu(var, cpu)                                                       \
  (*(__percpu_plain_ptr_type(&(var)))((__percpu_uintptr_t)&(var) +              \
                                      __percpu_offset_checked(cpu)))

/*
 * Every CPU the set-up was given (percpu_area_num(): the possible CPUs),
 * and those of them with an area (online: set up at once or since by
 * percpu_setup_cpu), as Linux's macros. The count is read in the loop
 * condition with the same plain load per_cpu makes, so that the compiler
 * can keep it in a register and drop per_cpu's check.
 */
#define for_each_possible_cpu(cpu)                                              \
  for ((cpu) = 0; (cpu) < __percpu_possible(); (cpu)++)
#define for_each_online_cpu(cpu)                                                \
  for_each_possible_cpu(cpu) if (!__percpu_online(cpu)) {} else

/*
 * Preemption hooks: weak no-ops in the runtime; a kernel overrides them.
 * get_cpu_var/get_cpu_ptr disable preemption until the matching put.
 */
void percpu_preempt_disable(void);
void percpu_preempt_enable(void);

#define get_cpu_ptr(p)                                                          \
  __extension__({                                                               \
    percpu_preempt_disable();                                                   \
    this_cpu_ptr(p);                                                            \
  })
#define put_cpu_ptr(p)                                                          \
  do {                                                                          \
    (void)(p);                                                                  \
    percpu_preempt_enable();                                                    \
  } while (0)
#define get_cpu_var(var) (*get_cpu_ptr(&(var)))
#define put_cpu_var(var) put_cpu_ptr(&(var))

/*
 * this_cpu_*: safe against preemption and interrupts on the same CPU; the
 * caller needs no protection. Each is one indivisible operation on this
 * CPU's copy (x86_64: one instruction without LOCK). For 1, 2, 4 and 8-byte
 * integer and pointer types that are not _Atomic (clang's __atomic builtins
 * reject _Atomic operands; plain C on an _Atomic per-CPU variable works).
 */
#ifdef __cplusplus
/* C++ enumerations work on their underlying type (__percpu_word above). */
#define __percpu_word_of(var) __percpu_word<__percpu_typeof_unqual(var)>
#define __percpu_word_t(var) typename __percpu_word_of(var)::type
#define __percpu_word_addr(var)                                                 \
  ((typename __percpu_word_ptr<__typeof__(var)>::type)__percpu_guard(&(var)))
#define __percpu_word_in(var, v) __percpu_word_of(var)::in(v)
#define __percpu_word_out(var, v) __percpu_word_of(var)::out(v)
#define __percpu_word_inp(var, p) __percpu_word_of(var)::inp(p)
#else
#define __percpu_word_t(var) __percpu_typeof_unqual(var)
#define __percpu_word_addr(var) __percpu_guard(&(var))
#define __percpu_word_in(var, v) (v)
#define __percpu_word_out(var, v) (v)
#define __percpu_word_inp(var, p) (p)
#endif
#define this_cpu_read(var)                                                      \
  __percpu_word_out(var, __atomic_load_n(__percpu_word_addr(var),               \
                                         __ATOMIC_RELAXED))
#define this_cpu_write(var, val)                                                \
  __atomic_store_n(__percpu_word_addr(var), __percpu_word_in(var, (val)),       \
                   __ATOMIC_RELAXED)
/*
 * The atomic builtins move a pointer by bytes, not elements as C's += (and
 * raw_cpu_add) do, so this_cpu_add and its kin refuse a pointer, as Linux's
 * x86_64 this_cpu_add does. __builtin_classify_type's 5 is a pointer. The
 * check is an operand of its own, so that the address still goes straight
 * to the builtin (no temporary holds it, at -O0 either).
 */
#define __percpu_no_pointer(var)                                                \
  ((void)__extension__({                                                        \
    _Static_assert(__builtin_classify_type(var) != 5,                           \
                   "this_cpu_add/sub/inc/dec on a pointer would move it by "    \
                   "bytes, not elements: use raw_cpu_add with preemption "      \
                   "off, or a uintptr_t");                                      \
    0;                                                                          \
  }))
#define this_cpu_add(var, val)                                                  \
  ((void)(__percpu_no_pointer(var),                                             \
          __atomic_fetch_add(__percpu_guard(&(var)), (val), __ATOMIC_RELAXED)))
#define this_cpu_sub(var, val)                                                  \
  ((void)(__percpu_no_pointer(var),                                             \
          __atomic_fetch_sub(__percpu_guard(&(var)), (val), __ATOMIC_RELAXED)))
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_sub(var, 1)
#define this_cpu_and(var, val)                                                  \
  ((void)__atomic_fetch_and(__percpu_guard(&(var)), (val), __ATOMIC_RELAXED))
#define this_cpu_or(var, val)                                                   \
  ((void)__atomic_fetch_or(__percpu_guard(&(var)), (val), __ATOMIC_RELAXED))
#define this_cpu_add_return(var, val)                                           \
  (__percpu_no_pointer(var),                                                    \
   __atomic_add_fetch(__percpu_guard(&(var)), (val), __ATOMIC_RELAXED))
#define this_cpu_sub_return(var, val)                                           \
  (__percpu_no_pointer(var),                                                    \
   __atomic_sub_fetch(__percpu_guard(&(var)), (val), __ATOMIC_RELAXED))
#define this_cpu_inc_return(var) this_cpu_add_return(var, 1)
#define this_cpu_dec_return(var) this_cpu_sub_return(var, 1)
#define this_cpu_xchg(var, val)                                                 \
  __percpu_word_out(var, __atomic_exchange_n(__percpu_word_addr(var),           \
                                             __percpu_word_in(var, (val)),      \
                                             __ATOMIC_RELAXED))
/* Returns the old value; the store happened if it equals oval. */
#define this_cpu_cmpxchg(var, oval, nval)                                       \
  __extension__({                                                               \
    __percpu_word_t(var) __percpu_old = __percpu_word_in(var, (oval));          \
    __atomic_compare_exchange_n(__percpu_word_addr(var), &__percpu_old,         \
                                __percpu_word_in(var, (nval)), 0,               \
                                __ATOMIC_RELAXED, __ATOMIC_RELAXED);            \
    __percpu_word_out(var, __percpu_old);                                       \
  })
#ifdef __SIZEOF_INT128__
/*
 * 16 bytes, e.g. a pointer and a generation count; returns the old value.
 * Implemented by the pass (x86_64: cmpxchg16b, which every x86-64 CPU that
 * Linux still supports has).
 */
unsigned __int128 __percpu_cmpxchg128(volatile unsigned __int128 __percpu *p,
                                      unsigned __int128 oval,
                                      unsigned __int128 nval);
#define this_cpu_cmpxchg128(var, oval, nval)                                    \
  __percpu_cmpxchg128(__percpu_guard(&(var)), (oval), (nval))
#endif

/* Returns whether the store happened; on failure *ovalp gets the value. */
#define this_cpu_try_cmpxchg(var, ovalp, nval)                                  \
  __atomic_compare_exchange_n(__percpu_word_addr(var),                          \
                              __percpu_word_inp(var, (ovalp)),                  \
                              __percpu_word_in(var, (nval)), 0,                 \
                              __ATOMIC_RELAXED, __ATOMIC_RELAXED)

/*
 * raw_cpu_* and __this_cpu_*: the same operations for callers that already
 * excluded preemption (and interrupts, if handlers touch the variable).
 * Plain C: the compiler may combine them with neighbouring accesses.
 */
#define raw_cpu_read(var) ((void)0, (var))
#define raw_cpu_write(var, val) ((void)((var) = (val)))
#define raw_cpu_add(var, val) ((void)((var) += (val)))
#define raw_cpu_sub(var, val) ((void)((var) -= (val)))
#define raw_cpu_inc(var) raw_cpu_add(var, 1)
#define raw_cpu_dec(var) raw_cpu_sub(var, 1)
#define raw_cpu_and(var, val) ((void)((var) &= (val)))
#define raw_cpu_or(var, val) ((void)((var) |= (val)))
#define raw_cpu_add_return(var, val) ((var) += (val))
#define raw_cpu_sub_return(var, val) ((var) -= (val))
#define raw_cpu_inc_return(var) raw_cpu_add_return(var, 1)
#define raw_cpu_dec_return(var) raw_cpu_sub_return(var, 1)
#define raw_cpu_xchg(var, val)                                                  \
  __extension__({                                                               \
    __percpu_typeof_unqual(var) __percpu_old = (var);                           \
    (var) = (val);                                                              \
    __percpu_old;                                                               \
  })
#define raw_cpu_cmpxchg(var, oval, nval)                                        \
  __extension__({                                                               \
    __percpu_typeof_unqual(var) __percpu_old = (var);                           \
    if (__percpu_old == (oval))                                                 \
      (var) = (nval);                                                           \
    __percpu_old;                                                               \
  })

#define __this_cpu_read raw_cpu_read
#define __this_cpu_write raw_cpu_write
#define __this_cpu_add raw_cpu_add
#define __this_cpu_sub raw_cpu_sub
#define __this_cpu_inc raw_cpu_inc
#define __this_cpu_dec raw_cpu_dec
#define __this_cpu_and raw_cpu_and
#define __this_cpu_or raw_cpu_or
#define __this_cpu_add_return raw_cpu_add_return
#define __this_cpu_sub_return raw_cpu_sub_return
#define __this_cpu_inc_return raw_cpu_inc_return
#define __this_cpu_dec_return raw_cpu_dec_return
#define __this_cpu_xchg raw_cpu_xchg
#define __this_cpu_cmpxchg raw_cpu_cmpxchg

/*
 * Runtime (libpercpu). Layout first: each CPU's area holds a copy of the
 * template, then the dynamic reserve (percpu/alloc.h), in
 * percpu_area_stride() bytes aligned to percpu_area_align(). Beside the
 * areas the runtime needs percpu_table_bytes(ncpus) of bookkeeping: the
 * offset table and the allocator's map.
 */
__percpu_size_t percpu_area_size(void);  /* bytes of the template */
__percpu_size_t percpu_area_align(void); /* alignment of every area (>= 64) */
/* bytes of an area, dynamic reserve included */
__percpu_size_t percpu_area_stride(void);
__percpu_size_t percpu_table_bytes(unsigned ncpus); /* the bookkeeping */
/* ncpus areas and the bookkeeping, contiguous: what percpu_init needs; 0
 * for ncpus 0, above PERCPU_MAX_CPUS (AArch64) or past the address space. */
__percpu_size_t percpu_areas_bytes(unsigned ncpus);

/*
 * The set-up, in three forms over one mechanism; each runs once (later
 * calls return -EBUSY; concurrent callers are safe: one succeeds), before
 * the CPUs use their areas, and returns ncpus or a negative errno.
 *
 * percpu_setup_areas: areas[n] is CPU n's area for each of ncpus possible
 * CPUs, anywhere (each on its own NUMA node, in any order, below the
 * template or above), aligned to percpu_area_align(), or NULL for a CPU
 * that percpu_setup_cpu brings up later. table is percpu_table_bytes(ncpus)
 * bytes aligned to a pointer; the runtime keeps it. -EINVAL: areas or table
 * NULL, misaligned or too small, ncpus 0, above INT_MAX or (AArch64) above
 * PERCPU_MAX_CPUS, the table's capacity.
 *
 * percpu_init: ncpus areas at base, percpu_area_stride() apart, then the
 * table: percpu_areas_bytes(ncpus) bytes aligned to percpu_area_align().
 * -EINVAL: base NULL or misaligned, ncpus 0, above INT_MAX or
 * PERCPU_MAX_CPUS, or so large that the memory would not fit the address
 * space.
 *
 * percpu_init_buffer: the same in a buffer of any alignment, such as a
 * static array sized before there is an allocator: -ENOSPC when it is too
 * small for ncpus areas aligned inside it.
 *
 * In user space each also returns -ENOTSUP after naming on stderr a loaded
 * shared library with per-CPU data or with the runtime in it (per-CPU data
 * belongs to the executable).
 */
int percpu_setup_areas(void *const areas[], unsigned ncpus, void *table,
                       __percpu_size_t table_bytes);
int percpu_init(void *base, unsigned ncpus);
int percpu_init_buffer(void *buffer, __percpu_size_t bytes, unsigned ncpus);

/*
 * A possible CPU given no area at the set-up, when it comes up: copies the
 * template to area (percpu_area_stride() bytes aligned to
 * percpu_area_align()), zeroes the dynamic blocks allocated so far there,
 * then publishes the CPU's offset. 0, -EINVAL (cpu not possible, area NULL
 * or misaligned) or -EBUSY (the CPU has an area). The CPU then calls
 * percpu_init_reg(cpu).
 */
int percpu_setup_cpu(unsigned cpu, void *area);

/*
 * Kernels whose linker script reserves the areas in the image
 * (linker/percpu-vma0.ld, or linker/percpu.ld + linker/percpu-areas.ld):
 * sets up the areas [_percpu_start, _percpu_end), copying the template from
 * its load image (in the VMA-0 layout that is area 0 itself), with the
 * table the script reserves after them and the dynamic reserve it sized
 * (PERCPU_DYNAMIC_BYTES). Returns the number of areas, -EINVAL (no areas
 * reserved in the image, or misaligned) or -EBUSY (already set up). Each
 * CPU then calls percpu_init_reg(cpu).
 */
int percpu_init_in_place(void);

unsigned percpu_area_num(void);        /* possible CPUs; 0 before set-up */
int percpu_cpu_online(unsigned cpu);   /* 1 if cpu has an area, else 0 */
void *percpu_area_base(unsigned cpu);  /* NULL for a cpu without an area */
/* area - template; 0 without one */
__percpu_uintptr_t percpu_offset(unsigned cpu);
/* CPU cpu's copy of *p; NULL for a cpu without an area. See per_cpu_ptr. */
void *percpu_remote_ptr(const volatile void __percpu *p, unsigned cpu);

/*
 * The calling CPU's base register (x86_64 Linux user space: the thread's
 * GS base; each thread plays one CPU). percpu_init_reg(cpu) points it at
 * CPU cpu's area. Both writers return 0 or a negative errno: -EINVAL for a
 * cpu out of range (or before percpu_init); on x86_64 without FSGSBASE,
 * -EPERM when the kernel refuses the value (an area placed below the
 * template gives a "negative" offset that arch_prctl rejects).
 */
__percpu_uintptr_t percpu_read_reg(void);
int percpu_write_reg(__percpu_uintptr_t value);
int percpu_init_reg(unsigned cpu);

/*
 * The template guard (README "Template guard", docs/kernel.md): makes a
 * CPU whose base register was never set, or an entry path that missed
 * swapgs, loud instead of silently sharing the template.
 *
 * percpu_base_ok() is 1 when this CPU's base register holds the offset of
 * a CPU with an area, else 0 (so 0 before the set-up, and when the
 * register is 0: the template). It searches the offset table: for entry
 * code and assertions in debug builds.
 *
 * percpu_poison_template() fills the template with PERCPU_TEMPLATE_POISON
 * bytes once every possible CPU has its area, so that a stray access reads
 * garbage (pointers that fault) instead of plausible data. 0, -ENODEV
 * before the set-up, -EBUSY while a possible CPU has no area (its
 * percpu_setup_cpu copies the template), -EINVAL in the VMA-0 layout
 * (there the template's link address holds no data) and in single-CPU
 * mode (the template is CPU 0's copy).
 *
 * -DPERCPU_DEBUG_TEMPLATE makes every this_cpu_* operation and
 * this_cpu_ptr() first load this CPU's __percpu_self_offset, which is 0
 * only in the template, and trap (__builtin_trap) if it is 0. Off by
 * default: it costs a load, a compare and a branch per access.
 */
int percpu_base_ok(void);
int percpu_poison_template(void);
#define PERCPU_TEMPLATE_POISON 0xa5

#if defined(PERCPU_DEBUG_TEMPLATE) && !defined(PERCPU_SINGLE_CPU)
DECLARE_PER_CPU(__percpu_uintptr_t, __percpu_self_offset)
    __attribute__((visibility("hidden")));
static inline void __percpu_check_base(void) {
  if (__builtin_expect(
          __atomic_load_n(&__percpu_self_offset, __ATOMIC_RELAXED) == 0, 0))
    __builtin_trap();
}
#define __percpu_guard(p) (__percpu_check_base(), (p))
#else
#define __percpu_guard(p) (p)
#endif

/*
 * -DPERCPU_REGISTER=<name> chooses the base register on architectures that
 * have a choice (see percpu/abi.h); every unit and the runtime must agree.
 */
#ifdef PERCPU_REGISTER
#define __percpu_stringify_(x) #x
#define __percpu_stringify(x) __percpu_stringify_(x)
static const char __percpu_register[] __percpu_c_name(__percpu_register)
    __attribute__((used, retain)) =
    __percpu_stringify(PERCPU_REGISTER);
#endif

/* The mode, for the pass (see percpu/abi.h). */
#if defined(PERCPU_SINGLE_CPU)
static const char __percpu_mode[] __percpu_c_name(__percpu_mode)
    __attribute__((used, retain)) = "single-cpu";
#elif defined(PERCPU_PREEMPT_HOOKS)
static const char __percpu_mode[] __percpu_c_name(__percpu_mode)
    __attribute__((used, retain)) = "preempt-hooks";
#endif

/*
 * PERCPU_MAX_CPUS (AArch64 only; elsewhere it has no effect): the capacity
 * of the offset table, a compile-time bound as Linux's NR_CPUS, so that
 * per_cpu compares the CPU number with a constant instead of a count it
 * must load: 8 instructions instead of 9, no branch.
 *   4096 (the default, Linux arm64's largest NR_CPUS) or any value from 1
 *        to 65536: the table has PERCPU_MAX_CPUS entries at least (8 bytes
 *        each), those of a CPU number without an area
 *        PERCPU_OFFSET_OFFLINE, and per_cpu of a cpu from PERCPU_MAX_CPUS
 *        up reads entry -1, PERCPU_OFFSET_OFFLINE too: every CPU number
 *        without an area faults. The set-up refuses more CPUs (-EINVAL).
 *   0    no capacity: per_cpu clamps the cpu to the count it loads from the
 *        table (9 instructions) and the table has ncpus + 1 entries.
 * Single-CPU mode takes 1 (the default there: per_cpu checks cpu == 0) or
 * 0. Give every unit of a program the runtime's value, a decimal number
 * (its CMake cache variable PERCPU_MAX_CPUS, default 4096); a unit built
 * with another fails to link, naming __percpu_max_cpus_<its value>.
 */
#if defined(__aarch64__)
#ifndef PERCPU_MAX_CPUS
#ifdef PERCPU_SINGLE_CPU
#define PERCPU_MAX_CPUS 1
#else
#define PERCPU_MAX_CPUS 4096
#endif
#endif
#ifdef __cplusplus
static_assert
#else
__extension__ _Static_assert /* C11's, also in C99 */
#endif
    ((unsigned long long)(PERCPU_MAX_CPUS) <= 65536, /* a negative is huge */
     "PERCPU_MAX_CPUS must be 0 (a run-time bound) or from 1 to 65536");
#ifdef PERCPU_SINGLE_CPU
#ifdef __cplusplus
static_assert
#else
__extension__ _Static_assert
#endif
    ((PERCPU_MAX_CPUS) <= 1,
     "single-CPU mode takes PERCPU_MAX_CPUS 1 (the default) or 0");
#endif
#if PERCPU_MAX_CPUS && defined(__ELF__)
/*
 * The runtime defines __percpu_max_cpus_<its value>; this unit needs the
 * one of its own value. A PC-relative word (no dynamic relocation, so
 * read-only data even in a PIE) in a section the linker keeps
 * (SHF_GNU_RETAIN, "R"), from top-level asm, which -O2 and LTO keep: a
 * mismatch is an undefined symbol whatever the options. (ELF only: the
 * pass rejects other object formats with an error of its own.)
 */
#define __percpu_max_cpus_sym_(n) "__percpu_max_cpus_" #n
#define __percpu_max_cpus_sym(n) __percpu_max_cpus_sym_(n)
#ifndef __PERCPU_NO_GNU_ASM
__asm__(".pushsection .rodata.percpu_max_cpus_check,\"aR\",@progbits\n"
        ".balign 4\n"
        ".word " __percpu_max_cpus_sym(PERCPU_MAX_CPUS) " - .\n"
        ".popsection");
#else
/* Without top-level asm: a retained pointer, as the plugin guard (one
 * dynamic relocation in a PIE). */
extern char __percpu_max_cpus_needed[] __asm__(
    __percpu_max_cpus_sym(PERCPU_MAX_CPUS));
static char *const __percpu_max_cpus_check __attribute__((used, retain)) =
    __percpu_max_cpus_needed;
#endif
#endif
#endif

/*
 * What per_cpu and per_cpu_ptr need inline, published by the set-up: CPU
 * n's copy of v is (char *)&v + offsets[n] (Linux's __per_cpu_offset[n]);
 * the entry of a possible CPU without an area is PERCPU_OFFSET_OFFLINE, and
 * so is offsets[num], one past the last, and on AArch64 every entry up to
 * PERCPU_MAX_CPUS and offsets[-1]. The table's header holds num
 * (__percpu_count: the 4 bytes before offsets[0], on AArch64 before
 * offsets[-1]), so that every read depends on the one load of offsets:
 * before the set-up it points to an empty table (count 0, and on AArch64
 * PERCPU_MAX_CPUS entries, all PERCPU_OFFSET_OFFLINE). num is the same
 * count, stored (release) after offsets,
 * for debuggers and percpu_area_num. Read it through the macros, never
 * write it.
 *
 * The macros read offsets and the count with plain loads, as Linux reads
 * __per_cpu_offset: each is one aligned word, written once by the set-up,
 * and the entries are reached through the pointer (an address dependency,
 * which orders them after it on every supported architecture). The
 * compiler may then keep both in registers across a loop.
 */
struct percpu_remote_layout {
  const __percpu_uintptr_t *offsets;
  unsigned num;
};
/* Hidden: the runtime is linked into the same image, so no GOT load. */
extern struct percpu_remote_layout __percpu_remote_layout
    __attribute__((visibility("hidden")));

/* Non-canonical or unmapped on every 64-bit target (bit 55 flipped). */
#define PERCPU_OFFSET_OFFLINE                                                   \
  ((__percpu_uintptr_t)1 << (sizeof(__percpu_uintptr_t) * 8 - 9))

/* The count in the table's header. */
#if defined(__aarch64__)
#define __percpu_count(offsets) (((const unsigned *)(offsets))[-3])
#else
#define __percpu_count(offsets) (((const unsigned *)(offsets))[-1])
#endif

static inline unsigned __percpu_possible(void) {
  unsigned num = __percpu_count(__percpu_remote_layout.offsets);
#if defined(__aarch64__) && PERCPU_MAX_CPUS
  /* The set-up refuses more: per_cpu's check folds away in the loop. */
  __builtin_assume(num <= PERCPU_MAX_CPUS);
#endif
  return num;
}

static inline int __percpu_online(unsigned cpu) {
  return cpu < __percpu_possible() &&
         __atomic_load_n(&__percpu_remote_layout.offsets[(int)cpu],
                         __ATOMIC_RELAXED) != PERCPU_OFFSET_OFFLINE;
}

/*
 * per_cpu's offset: the bounds check ends the way that costs the fewest
 * instructions on the architecture, and a CPU number past the last fails
 * loudly either way. AArch64 compares with PERCPU_MAX_CPUS, a constant
 * (above), and clamps as below only with PERCPU_MAX_CPUS=0.
 *   clamp (x86_64, aarch64: cmov, csel)  the index is clamped to the count;
 *        entry [count] is PERCPU_OFFSET_OFFLINE, so the access faults.
 *        (AArch64 with FEAT_CSSC makes the clamp one umin.)
 *   assert (loongarch64: asrtgt.d)  one instruction raises the bound-check
 *        exception unless count > index, compared unsigned; the index is
 *        the CPU sign-extended, so every CPU number from 2^31 up fails too.
 *        The asm has an output and no side effect, so it is not volatile:
 *        the compiler may merge two of them, never move one above a branch.
 *   trap (the others: a conditional branch is one instruction and a select
 *        is not)  a branch to __builtin_trap.
 * The count is at most INT_MAX, so below it the index may be sign-extended,
 * which is free on RISC-V and LoongArch (an unsigned int is kept
 * sign-extended).
 */
#if defined(__aarch64__) && PERCPU_MAX_CPUS
/* Against the table's capacity, a constant: a cpu from PERCPU_MAX_CPUS up
 * reads offsets[-1] (cmp #imm, csinv: no constant to load, no branch).
 * Entries [count, PERCPU_MAX_CPUS) and [-1] are PERCPU_OFFSET_OFFLINE,
 * also before the set-up (runtime/area.c). */
static inline __percpu_uintptr_t __percpu_offset_checked(unsigned cpu) {
  const __percpu_uintptr_t *offsets = __percpu_remote_layout.offsets;
  return offsets[cpu < PERCPU_MAX_CPUS ? (int)cpu : -1];
}
#elif defined(__x86_64__) || defined(__aarch64__)
static inline __percpu_uintptr_t __percpu_offset_checked(unsigned cpu) {
  const __percpu_uintptr_t *offsets = __percpu_remote_layout.offsets;
  unsigned num = __percpu_count(offsets);
  return offsets[cpu < num ? cpu : num];
}
#elif defined(__loongarch__) && __loongarch_grlen == 64 &&                   \
    !defined(__PERCPU_NO_GNU_ASM)
static inline __percpu_uintptr_t __percpu_offset_checked(unsigned cpu) {
  const __percpu_uintptr_t *offsets = __percpu_remote_layout.offsets;
  long num = (int)__percpu_count(offsets);
  long index = (int)cpu;
  __asm__("asrtgt.d %1, %0" : "+r"(index) : "r"(num));
  return offsets[index];
}
#else
static inline __percpu_uintptr_t __percpu_offset_checked(unsigned cpu) {
  const __percpu_uintptr_t *offsets = __percpu_remote_layout.offsets;
  if (__builtin_expect(cpu >= __percpu_count(offsets), 0))
    __builtin_trap();
  return offsets[(int)cpu];
}
#endif

static inline void *__percpu_remote(const volatile void __percpu *p,
                                    unsigned cpu) {
  const __percpu_uintptr_t *offsets = __percpu_remote_layout.offsets;
  void *copy = (void *)0;
  if (cpu < __percpu_count(offsets)) {
    __percpu_uintptr_t offset = offsets[(int)cpu];
    if (offset != PERCPU_OFFSET_OFFLINE)
      copy = (void *)((__percpu_uintptr_t)p + offset);
  }
  /* Opaque to the optimiser: *per_cpu_ptr(&v, bad_cpu) must fault on NULL,
   * not lose the check because dereferencing NULL is undefined. */
  __asm__("" : "+r"(copy));
  return copy;
}

/* Dynamic per-CPU memory: alloc_percpu, free_percpu. */
#include "percpu/alloc.h"

/* Makes a unit built without the plugin fail to link (see percpu/abi.h). */
extern char PERCPU_PLUGIN_MISSING_SYM[];
static char *const __percpu_plugin_guard __percpu_c_name(__percpu_plugin_guard)
    __attribute__((used, retain)) = PERCPU_PLUGIN_MISSING_SYM;

#ifdef __cplusplus
}
#endif

#endif /* !__ASSEMBLER__ */

#endif /* PERCPU_H */
