//===-- PercpuDiagnostics.h - Errors the lowering reports -------*- C++ -*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// What the pass cannot lower is a compiler error, reported once, never a
// crash or a silent fall-through to the template. Each error reads as
// clang's own: "file:line:col: error: what is wrong", then "note: what to
// write instead" when there is advice.
//
//   about             where clang prints it
//   ----------------  ---------------------------------------------------
//   an instruction    its debug location (-g, or the location tracking
//                     percpu-cc turns on); without one, its function
//   a global          its declaration: the line from debug info, the
//                     column of its name in that line of the source;
//                     without debug info, the first instruction using it
//   the unit          no location (the target, -DPERCPU_REGISTER, the mode)
//
// The locations are the unoptimised IR's: PercpuEarlyCheck.h runs the
// lowering on a copy of the module at the start of the pipeline, where it
// reports, and marks the module so that the real lowering at the end stays
// quiet about the errors it meets again at moved or merged instructions.
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

/// An error and the advice that goes with it (printed as a note; may be
/// null).
struct Problem {
  const char *What;
  const char *Advice;
};

/// A cast between a per-CPU and an ordinary pointer.
extern const Problem CastProblem;
/// An inline asm memory operand on per-CPU memory.
extern const Problem InlineAsmProblem;
/// An alias of a per-CPU variable.
extern const Problem AliasProblem;

class Diagnostics {
public:
  /// Quiet when an earlier run already reported M's errors (markReported).
  explicit Diagnostics(llvm::Module &M);

  /// An error at I's location, once per instruction.
  void error(const llvm::Instruction &I, const llvm::Twine &What,
             const char *Advice = nullptr);
  void error(const llvm::Instruction &I, const Problem &P) {
    error(I, P.What, P.Advice);
  }

  /// An error about a global, named in the message (see the table above).
  void error(const llvm::GlobalValue &GV, const llvm::Twine &What,
             const char *Advice = nullptr);

  /// An error about a value that is not an instruction (a constant
  /// expression): at the first instruction that uses it, else without a
  /// location. Once per value.
  void error(const llvm::Value &V, const llvm::Twine &What,
             const char *Advice = nullptr);
  void error(const llvm::Value &V, const Problem &P) {
    error(V, P.What, P.Advice);
  }

  /// An error about the unit as a whole, without a location.
  void error(const llvm::Twine &What, const char *Advice = nullptr);

  bool reported(const llvm::Value &V) const { return Reported.count(&V); }
  bool any() const { return Any; }

  /// Whether errors about M were reported already (by PercpuEarlyCheck).
  static bool wereReported(const llvm::Module &M);
  static void markReported(llvm::Module &M);

private:
  /// Records a report (about About, once; null: the unit) and says
  /// whether to print it.
  bool startReport(const llvm::Value *About);
  void note(const char *Advice);

  llvm::Module &M;
  bool Quiet;
  bool Any = false;
  llvm::SmallPtrSet<const llvm::Value *, 8> Reported;
};

} // namespace percpu

#endif // PERCPU_LLVM_PERCPUDIAGNOSTICS_H
