//===-- PercpuDiagnostics.h - Errors the lowering reports -------*- C++ -*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// What the pass cannot lower is a compiler error at the source location of
// the offending instruction or global, reported once, never a crash or a
// silent fall-through to the template.
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_PERCPUDIAGNOSTICS_H
#define PERCPU_LLVM_PERCPUDIAGNOSTICS_H

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/Twine.h"

namespace llvm {
class GlobalValue;
class Instruction;
class Module;
class Value;
} // namespace llvm

namespace percpu {

class Diagnostics {
public:
  explicit Diagnostics(llvm::Module &M) : M(M) {}

  /// An error at I's location, once per instruction.
  void error(const llvm::Instruction &I, const llvm::Twine &Msg);

  /// An error about a global: at its declaration when debug info gives it,
  /// else at a function that uses it (clang prints that location), else in
  /// the source file.
  void error(const llvm::GlobalValue &GV, const llvm::Twine &Msg);

  /// An error about a value that is not an instruction (a constant
  /// expression): at the first instruction that uses it, else in the
  /// source file. Once per value.
  void error(const llvm::Value &V, const llvm::Twine &Msg);

  bool reported(const llvm::Value &V) const { return Reported.count(&V); }
  bool any() const { return !Reported.empty(); }

private:
  llvm::Module &M;
  llvm::SmallPtrSet<const llvm::Value *, 8> Reported;
};

/// The advice for a cast between a per-CPU and an ordinary pointer.
extern const char *const CastHint;

/// The first instruction that uses V, directly or through constants.
const llvm::Instruction *findInstructionUser(const llvm::Value &V);

} // namespace percpu

#endif // PERCPU_LLVM_PERCPUDIAGNOSTICS_H
