// RUN: %percpu_cc --target=x86_64-linux-gnu -nostdinc -ffreestanding -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// Verify that <percpu.h> and every header it includes compile, and lower, with no C library or compiler header (-nostdinc -ffreestanding, as kernels build) on every target, in C and in C++; that the standalone headers compile alone; and that the API's types are the very size_t and uintptr_t of <stddef.h> and <stdint.h> (C and C++ redeclarations with them are accepted), with the C library's headers and with the compiler's.
// RUN: %percpu_cc --target=aarch64-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// RUN: %percpu_cc --target=riscv64-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// RUN: %percpu_cc --target=riscv32-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// RUN: %percpu_cc --target=loongarch64-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// RUN: %percpu_cc -x c++ --target=x86_64-linux-gnu -nostdinc -ffreestanding -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// RUN: %percpu_cc -x c++ --target=aarch64-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// RUN: %percpu_cc -x c++ --target=riscv64-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// RUN: %percpu_cc -x c++ --target=riscv32-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// RUN: %percpu_cc -x c++ --target=loongarch64-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// With the template guard's checks (PERCPU_DEBUG_TEMPLATE) too.
// RUN: %percpu_cc --target=riscv64-none-elf -nostdinc -ffreestanding -DPERCPU_DEBUG_TEMPLATE -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// RUN: %percpu_cc -x c++ --target=aarch64-none-elf -nostdinc -ffreestanding -DPERCPU_DEBUG_TEMPLATE -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// Hosted, without the headers (-nostdinc alone): the same.
// RUN: %percpu_cc --target=x86_64-linux-gnu -nostdinc -Wall -Wextra -Werror -O2 -c %s -o /dev/null
// The headers that stand alone.
// RUN: %clang --target=aarch64-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -fsyntax-only -I%percpu_include -DONLY='<percpu/abi.h>' %s
// RUN: %clang --target=aarch64-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -fsyntax-only -I%percpu_include -DONLY='<percpu/version.h>' %s
// RUN: %clang --target=aarch64-none-elf -nostdinc -ffreestanding -Wall -Wextra -Werror -fsyntax-only -I%percpu_include -DONLY='<percpu/types.h>' %s
// The header's own types are the standard ones: the C library's (x86_64
// Linux) and the compiler's (freestanding), in C and C++.
// RUN: %clang --target=x86_64-linux-gnu -Wall -Wextra -Werror -fsyntax-only -I%percpu_include -DSTD_TYPES %s
// RUN: %clang -x c++ --target=x86_64-linux-gnu -Wall -Wextra -Werror -fsyntax-only -I%percpu_include -DSTD_TYPES %s
// RUN: %clang --target=riscv32-none-elf -ffreestanding -Wall -Wextra -Werror -fsyntax-only -I%percpu_include -DSTD_TYPES %s
// RUN: %clang -x c++ --target=loongarch64-none-elf -ffreestanding -Wall -Wextra -Werror -fsyntax-only -I%percpu_include -DSTD_TYPES %s
// Control: without its guard, a header that needed <stdint.h> fails here.
// RUN: not %clang --target=aarch64-none-elf -nostdinc -ffreestanding -fsyntax-only -DCONTROL %s 2>&1 | FileCheck %s --check-prefix=CONTROL
// CONTROL: 'stdint.h' file not found

#if defined(CONTROL)
#include <stdint.h>
#elif defined(ONLY)
#include ONLY
#else

#ifdef STD_TYPES
#include <stddef.h>
#include <stdint.h>
#endif

#include <percpu.h>

#ifdef STD_TYPES
/* Redeclared with the standard names: an error unless the types are the
 * same ones. */
#ifdef __cplusplus
extern "C" {
#endif
size_t percpu_area_size(void);
size_t percpu_areas_bytes(unsigned ncpus);
int percpu_init_buffer(void *buffer, size_t bytes, unsigned ncpus);
uintptr_t percpu_offset(unsigned cpu);
uintptr_t percpu_read_reg(void);
int percpu_write_reg(uintptr_t value);
int percpu_reserve_dynamic(size_t bytes, size_t align);
void __percpu *__alloc_percpu(size_t size, size_t align);
#ifdef __cplusplus
}
#endif
#endif

struct pair {
  long a, b;
};
DEFINE_PER_CPU(unsigned long, hits);
DEFINE_PER_CPU(struct pair, pr) = {0, 0};
DEFINE_PER_CPU_ALIGNED(int, aligned);

/* Every family of macros expands without a library header. */
unsigned long uses(unsigned cpu) {
  this_cpu_inc(hits);
  this_cpu_add(aligned, 2);
  __this_cpu_write(pr.a, 3);
  unsigned long sum = this_cpu_read(hits) + raw_cpu_read(pr.b);
  sum += (unsigned long)this_cpu_cmpxchg(aligned, 1, 2);
  sum += (unsigned long)this_cpu_ptr(&pr)->a;
  sum += per_cpu(hits, cpu) + (unsigned long)per_cpu_ptr(&pr, cpu)->b;
  unsigned c;
  for_each_online_cpu(c) sum += per_cpu(hits, c);
  long __percpu *dyn = alloc_percpu(long);
  if (dyn)
    sum += (unsigned long)this_cpu_read(*dyn);
  free_percpu(dyn);
  return sum + percpu_area_size() + percpu_offset(cpu);
}
#endif
