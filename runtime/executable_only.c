/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The symbol that units compiled -fPIC reference PC-relatively from their
 * ELF note (include/percpu/abi.h). Defined here, in the executable, the
 * reference resolves. A shared library cannot satisfy it: without the
 * runtime the symbol is undefined there, and with it the symbol has default
 * visibility and so may be interposed; linkers reject a PC-relative
 * reference to either in a shared object and print this name.
 *
 * -Bsymbolic or a version script would make the symbol non-interposable.
 * The hosted x86_64 runtime therefore also holds a local-exec TLS
 * reference beside it, which no linker accepts in a shared object whatever
 * the symbol's binding: linking the runtime into a shared library fails,
 * naming percpu_llvm_runtime_in_shared_library_unsupported. It costs an
 * executable one byte of TLS, and only when it has -fPIC per-CPU units.
 */
#include <percpu.h>

#include "percpu_internal.h"

#define PERCPU__EXECUTABLE_ONLY_SECTION ".rodata.percpu_executable_only"

__attribute__((visibility("default"), section(PERCPU__EXECUTABLE_ONLY_SECTION)))
const char PERCPU_SHARED_LIBRARY_SYM = 0;

#if __STDC_HOSTED__ && defined(__x86_64__)
_Thread_local char percpu_llvm_runtime_in_shared_library_unsupported
    PERCPU__HIDDEN = 0;
/* In S's section, so that whatever keeps S keeps the reference. */
__asm__(".pushsection " PERCPU__EXECUTABLE_ONLY_SECTION ",\"a\"\n"
        ".long percpu_llvm_runtime_in_shared_library_unsupported@tpoff\n"
        ".popsection");
#endif
