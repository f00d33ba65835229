//===-- PercpuCheck.h - Nothing but pointer moves left ----------*- C++ -*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The pass's last step. After lowering, a value in the per-CPU address space
// may only be moved or compared: what dereferences it, or turns it into an
// ordinary pointer, would reach the template instead of this CPU's copy.
// The check allows the operations known to keep the pointer's meaning and
// reports every other use, so IR forms the pass has never seen (a new LLVM,
// a new clang flag) fail loudly instead of compiling.
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_PERCPUCHECK_H
#define PERCPU_LLVM_PERCPUCHECK_H

#include "llvm/IR/Intrinsics.h"

namespace llvm {
class Module;
} // namespace llvm

namespace percpu {

class Diagnostics;
class LibraryCalls;

/// Intrinsics that take a per-CPU pointer without touching the memory it
/// points to (launder/strip.invariant.group, ptrmask, objectsize, ...).
bool isPointerOnlyIntrinsic(llvm::Intrinsic::ID ID);

/// Reports each use of a per-CPU pointer that is not known to be safe.
void checkOnlyPointerMovesLeft(llvm::Module &M, const LibraryCalls &Libs,
                               Diagnostics &Diag);

} // namespace percpu

#endif // PERCPU_LLVM_PERCPUCHECK_H
