// RUN: %percpu_cxx --percpu-print-config -O2 %s -o %t | FileCheck %s --check-prefix=CONFIG -DCLANG=%clang
// Verify that percpu-c++ (a symlink to percpu-cc, in the build and in an installed, moved tree) runs clang as clang++, which compiles C++ and links the C++ standard library (std::vector, exceptions) besides the runtime, and that percpu-cc -x c++ compiles C++ but, like clang, links no C++ library.
// RUN: %percpu_cxx -O2 %s -o %t && %t | FileCheck %s --check-prefix=OUT
// RUN: %percpu_cc -x c++ -O2 -c %s -o %t.o
// RUN: not %percpu_cc %t.o -o %t.c-driver 2>&1 | FileCheck %s --check-prefix=NO-LIBSTDCXX
// RUN: rm -rf %t.prefix && %cmake --install %percpu_bin --prefix %t.prefix/staged > %t.install.log
// RUN: mv %t.prefix/staged %t.prefix/moved
// RUN: readlink %t.prefix/moved/bin/percpu-c++ | FileCheck %s --check-prefix=LINK
// RUN: %t.prefix/moved/bin/percpu-c++ -O2 %s -o %t.installed && %t.installed | FileCheck %s --check-prefix=OUT
// REQUIRES: native-x86_64, runtime-x86_64

// CONFIG: command: [[CLANG]] --driver-mode=g++ --target=x86_64-linux-gnu --start-no-unused-arguments -fpass-plugin=
// OUT: 3 CPUs, 6 hits, caught 2
// NO-LIBSTDCXX: undefined reference to {{.*}}std::
// LINK: {{^percpu-cc$}}

#include <percpu.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <vector>

DEFINE_PER_CPU(unsigned long, hits);

int main() {
  constexpr unsigned ncpus = 3;
  void *base = std::aligned_alloc(percpu_area_align(), percpu_areas_bytes(ncpus));
  if (percpu_init(base, ncpus) != (int)ncpus)
    return 1;
  std::vector<unsigned> order{2, 0, 1};
  unsigned caught = 0;
  for (unsigned cpu : order) {
    percpu_init_reg(cpu);
    try {
      for (unsigned i = 0; i <= cpu; i++)
        this_cpu_inc(hits);
      if (cpu)
        throw std::runtime_error("cpu");
    } catch (const std::exception &) {
      caught++;
    }
  }
  unsigned long total = 0;
  for (unsigned cpu = 0; cpu < ncpus; cpu++)
    total += per_cpu(hits, cpu) == cpu + 1 ? per_cpu(hits, cpu) : 100;
  std::printf("%u CPUs, %lu hits, caught %u\n", ncpus, total, caught);
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
