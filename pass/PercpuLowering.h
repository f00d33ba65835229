//===-- PercpuLowering.h - Lower per-CPU variables --------------*- C++ -*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The module pass that turns accesses to per-CPU memory (address space
// PERCPU_ADDRESS_SPACE, see include/percpu/abi.h) into accesses to this
// CPU's copy. PercpuLowering.cpp documents the design.
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_PERCPULOWERING_H
#define PERCPU_LLVM_PERCPULOWERING_H

#include "llvm/IR/PassManager.h"

namespace percpu {

struct PercpuLoweringPass : llvm::PassInfoMixin<PercpuLoweringPass> {
  static constexpr const char *PassName = "percpu-lower";

  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);

  // Without this pass a per-CPU access silently reaches the template, so it
  // must run even in optnone (-O0) functions.
  static bool isRequired() { return true; }
};

} // namespace percpu

#endif // PERCPU_LLVM_PERCPULOWERING_H
