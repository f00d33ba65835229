//===-- PercpuLibCalls.h - Library calls on per-CPU memory ------*- C++ -*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Clang retypes a library builtin to the address space of its arguments:
// strlen(name) on a per-CPU array declares i64 @strlen(ptr addrspace(300)).
// The C means "the length of this CPU's copy", so the pass hands such a
// function an ordinary pointer to this CPU's copy. A function of the
// program that is declared with __percpu parameters takes the per-CPU
// pointer itself and is left alone.
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_PERCPULIBCALLS_H
#define PERCPU_LLVM_PERCPULIBCALLS_H

#include "llvm/Analysis/TargetLibraryInfo.h"

namespace llvm {
class CallBase;
class Function;
class Module;
class Value;
} // namespace llvm

namespace percpu {

class Diagnostics;

class LibraryCalls {
public:
  explicit LibraryCalls(const llvm::Module &M);

  /// Whether Call calls a C library function, or a compiler runtime
  /// routine such as __atomic_load, rather than a function of the program.
  /// Names of the C library are reserved, so a declared (not defined)
  /// function with such a name is the library's.
  bool isLibraryCall(const llvm::CallBase &Call) const;

  /// Whether the call passes its pointer arguments as generic (void *)
  /// pointers that clang cast from the per-CPU space: the __atomic_*
  /// routines clang calls for _Atomic objects larger than 8 bytes.
  static bool takesCastPointers(const llvm::CallBase &Call);

private:
  llvm::TargetLibraryInfoImpl TLI;
};

/// Clang 16 calls libatomic (__atomic_load_8, __atomic_fetch_add_4,
/// __atomic_compare_exchange(16, ...), ...) for misaligned and 16-byte
/// atomics, where later clangs emit the atomic instruction and leave any
/// library call to the backend. On per-CPU memory such a call becomes that
/// instruction, which the pass then lowers as for later clangs (one
/// instruction, or the same error): libatomic on this CPU's copy would not
/// be safe against interrupts. A sized 16-byte call, whose value clang
/// splits in two, is reported as the instruction's error (a sized 16-byte
/// compare-and-exchange stays a call). Calls on larger objects stay calls.
void expandAtomicLibcalls(llvm::Function &F, Diagnostics &Diag);

/// The per-CPU pointer V was cast from, through address-space-changing
/// bitcasts or addrspacecasts (instructions or constants); null if none.
llvm::Value *stripCastFromPercpu(llvm::Value *V);

} // namespace percpu

#endif // PERCPU_LLVM_PERCPULIBCALLS_H
