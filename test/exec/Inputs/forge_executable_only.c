/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Defeats the link-time checks on purpose, to reach percpu_init's: defines,
 * hidden inside a shared library, the symbols that only the executable's
 * runtime should define. Nobody should ever do this.
 */
#define LOCAL __attribute__((visibility("hidden")))
LOCAL const char percpu_llvm_per_cpu_data_in_shared_library_unsupported;
LOCAL const char __percpu_runtime_for_gs;
