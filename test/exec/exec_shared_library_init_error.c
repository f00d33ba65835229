// Verify that percpu_init fails with -ENOTSUP and a message naming the shared object when a loaded shared library carries per-CPU data (linked with the program, or dlopen'ed before percpu_init), or holds the runtime itself. Such libraries cannot be linked normally (test/link/shared_library_*), so these are forced; the program then keeps running on the templates without a crash. (lld's --noinhibit-exec keeps the library despite the error.)
// REQUIRES: native-x86_64, runtime-x86_64
// RUN: rm -rf %t && mkdir %t
// RUN: %percpu_clang -fPIC -O2 -c %S/Inputs/pic_counter.c -o %t/counter.o
// RUN: %clang -shared -fPIC %t/counter.o %S/Inputs/forge_executable_only.c -o %t/libforced.so
// RUN: %percpu_cc -O2 -DLINKED %s %t/libforced.so -o %t/linked
// RUN: %t/linked 2>&1 | FileCheck %s -DLIB=%t/libforced.so --check-prefix=DATA
// RUN: %percpu_cc -O2 -DDLOPEN=\"%t/libforced.so\" %s -ldl -o %t/dlopen
// RUN: %t/dlopen 2>&1 | FileCheck %s -DLIB=%t/libforced.so --check-prefix=DATA
// RUN: %percpu_clang -fPIC -O2 -c %S/Inputs/runtime_wrapper.c -o %t/wrapper.o
// RUN: %clang -fuse-ld=lld -shared -Wl,--noinhibit-exec %t/wrapper.o %percpu_lib/x86_64/libpercpu.a -o %t/libruntime.so 2>&1 | FileCheck %s --check-prefix=FORCED
// RUN: %percpu_cc -O2 -DRUNTIME %s %t/libruntime.so -o %t/runtime
// RUN: %t/runtime 2>&1 | FileCheck %s -DLIB=%t/libruntime.so --check-prefix=RUNTIME

// DATA: percpu_init: [[LIB]]: per-CPU data in a shared library is unsupported: per-CPU variables and the code that uses them belong in the executable
// DATA-NEXT: init failed: -95
// DATA-NEXT: template: 1 2
// FORCED: warning: relocation R_X86_64_TPOFF32 against percpu_llvm_runtime_in_shared_library_unsupported cannot be used with -shared
// RUNTIME: percpu_init: [[LIB]]: the per-CPU runtime is linked into a shared library, which is unsupported: link libpercpu.a into the executable
// RUNTIME-NEXT: init failed: -95
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <percpu.h>

#include "Inputs/expect.h"

#ifdef DLOPEN
#include <dlfcn.h>
#endif

long lib_bump(void);
int lib_init(void *areas, unsigned ncpus);

DEFINE_PER_CPU(int, mine) = 7;

int main(void) {
  long (*bump)(void) = NULL;
#if defined(DLOPEN)
  void *lib = dlopen(DLOPEN, RTLD_NOW);
  EXPECT(lib != NULL);
  bump = (long (*)(void))dlsym(lib, "lib_bump");
  EXPECT(bump != NULL);
#elif defined(LINKED)
  bump = lib_bump;
#endif
  void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(2));
  EXPECT(areas != NULL);
#ifdef RUNTIME
  int ret = lib_init(areas, 2);
#else
  int ret = percpu_init(areas, 2);
#endif
  fprintf(stderr, "init failed: %d\n", ret);
  EXPECT_EQ(ret, -ENOTSUP);
  EXPECT_EQ(percpu_area_num(), 0);
  EXPECT_EQ(percpu_init_reg(0), -EINVAL);
  /* No CPU was set up: every access reaches its image's template. */
  EXPECT_EQ(this_cpu_read(mine), 7);
  if (bump) {
    long first = bump();
    fprintf(stderr, "template: %ld %ld\n", first, bump());
  }
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
