//===-- PercpuEarlyCheck.cpp - Report errors where the source is ----------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "PercpuEarlyCheck.h"
#include "PercpuDiagnostics.h"
#include "PercpuLowering.h"
#include "SegmentAccess.h"

#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include "percpu/abi.h"

using namespace llvm;

namespace percpu {

static bool isPercpuPointerType(const Type *Ty) {
  Ty = Ty->getScalarType();
  return Ty->isPointerTy() && Ty->getPointerAddressSpace() == PERCPU_ADDRESS_SPACE;
}

/// Whether anything in M could be a per-CPU error: per-CPU globals, or
/// functions that take, make or cast per-CPU pointers. Most units have
/// none, and then need no copy.
static bool mayHaveErrors(const Module &M) {
  for (const GlobalVariable &GV : M.globals())
    if (GV.getAddressSpace() == PERCPU_ADDRESS_SPACE)
      return true;
  for (const Function &F : M) {
    if (isPercpuPointerType(F.getFunctionType()->getReturnType()) ||
        any_of(F.getFunctionType()->params(), isPercpuPointerType))
      return true;
    for (const BasicBlock &BB : F)
      for (const Instruction &I : BB)
        if (isPercpuPointerType(I.getType()) ||
            any_of(I.operands(), [](const Use &U) {
              return isPercpuPointerType(U->getType());
            }))
          return true;
  }
  return false;
}

PreservedAnalyses PercpuEarlyCheckPass::run(Module &M,
                                            ModuleAnalysisManager &) {
  // Bitcode this pass lowered before, about to be optimised again.
  bool Protected = protectLoweredUnit(M);
  if (Diagnostics::wereReported(M) || !mayHaveErrors(M))
    return Protected ? PreservedAnalyses::none() : PreservedAnalyses::all();
  std::unique_ptr<Module> Copy = CloneModule(M);
  ModuleAnalysisManager Unused;
  PercpuLoweringPass().run(*Copy, Unused);
  if (!Diagnostics::wereReported(*Copy))
    return Protected ? PreservedAnalyses::none() : PreservedAnalyses::all();
  Diagnostics::markReported(M);
  return PreservedAnalyses::none();
}

} // namespace percpu
