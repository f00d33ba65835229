//===-- PercpuSharedLibrary.h - Keep per-CPU data out of shared libraries -===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Per-CPU variables work only in the image whose template the runtime
// copies: the executable or kernel. PercpuSharedLibrary.cpp marks the units
// that a shared library could be built from, so that putting one into a
// shared library is a link error (or, if forced, a percpu_init error).
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_PERCPUSHAREDLIBRARY_H
#define PERCPU_LLVM_PERCPUSHAREDLIBRARY_H

namespace llvm {
class Module;
}

namespace percpu {

/// In a unit compiled -fPIC but not -fPIE, adds the ELF note that
/// include/percpu/abi.h describes (PERCPU_NOTE_SECTION). Other units are
/// left alone: they are for executables and kernels only.
void markForExecutableOnly(llvm::Module &M);

} // namespace percpu

#endif // PERCPU_LLVM_PERCPUSHAREDLIBRARY_H
