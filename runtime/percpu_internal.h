/*
 * Declarations shared by the runtime's files. The architecture header comes
 * first; anything it leaves undefined gets the generic default below.
 *
 * An architecture header provides
 *	uintptr_t percpu_arch_read_reg(void);
 *	int percpu_arch_write_reg(uintptr_t value);   0 or a negative errno
 * and PERCPU_ARCH_DEFAULT_REGISTER (a bare name: gs, tpidr_el1, ...), and
 * may define PERCPU_ARCH_AREA_ALIGN (the least alignment of an area).
 */
#ifndef PERCPU_INTERNAL_H
#define PERCPU_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__)
#include "arch/x86_64.h"
#else
#error "percpu runtime: no runtime/arch header for this architecture"
#endif

/* The base register: -DPERCPU_REGISTER=<name>, else the arch's default. */
#ifdef PERCPU_REGISTER
#define PERCPU__REGISTER PERCPU_REGISTER
#else
#define PERCPU__REGISTER PERCPU_ARCH_DEFAULT_REGISTER
#endif

#ifndef PERCPU_ARCH_AREA_ALIGN
#define PERCPU_ARCH_AREA_ALIGN 64
#endif

#define PERCPU__HIDDEN __attribute__((visibility("hidden")))

/*
 * Defined by the linker for the sections the pass fills: the template, and
 * one uint32_t alignment record per translation unit with per-CPU variables.
 * The runtime's own __percpu_self_offset keeps both sections non-empty.
 */
extern char __start_percpu[] PERCPU__HIDDEN;
extern char __stop_percpu[] PERCPU__HIDDEN;
extern const uint32_t __start_percpu_align[] PERCPU__HIDDEN;
extern const uint32_t __stop_percpu_align[] PERCPU__HIDDEN;

#endif
