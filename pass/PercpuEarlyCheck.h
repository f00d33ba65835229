//===-- PercpuEarlyCheck.h - Report errors where the source is --*- C++ -*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The lowering runs last in the pipeline, when the optimiser has folded a
// cast into the load that uses it, merged two asm statements' blocks or
// moved an access away from its line: an error found there points at
// whatever instruction is left. This pass runs first (PipelineStartEP, at
// every -O): it lowers a copy of the module, so that every error is
// reported at the unoptimised IR's locations, the same at -O0 and -O2, and
// throws the copy away. When the copy had errors the module is marked, and
// the real lowering at the end reports nothing more (PercpuDiagnostics.h):
// the compilation fails anyway, and what it would find again are the same
// errors at worse locations.
//
// The lowering and its checks are the very same code on the copy, so the
// two runs cannot disagree about what is an error.
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_PERCPUEARLYCHECK_H
#define PERCPU_LLVM_PERCPUEARLYCHECK_H

#include "llvm/IR/PassManager.h"

namespace percpu {

struct PercpuEarlyCheckPass : llvm::PassInfoMixin<PercpuEarlyCheckPass> {
  static constexpr const char *PassName = "percpu-early-check";

  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);

  // Reports at -O0 too, where clang marks every function optnone.
  static bool isRequired() { return true; }
};

} // namespace percpu

#endif // PERCPU_LLVM_PERCPUEARLYCHECK_H
