//===-- PercpuEarlyCheck.cpp - Report errors where the source is ----------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "PercpuEarlyCheck.h"
#include "PercpuDiagnostics.h"
#include "PercpuLibCalls.h"
#include "PercpuLowering.h"
#include "SegmentAccess.h"

#include "llvm/IR/InstrTypes.h"
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

/// Makes the library calls that take per-CPU pointers (which clang retyped)
/// nobuiltin: the optimiser would otherwise fold strcpy(name, "abc") to a
/// memcpy and its per-CPU argument, strchr(name, 0) to name + strlen(name),
/// and hand that template address on as the call's ordinary result. The
/// lowering then gives each call this CPU's copy. Returns whether it
/// changed anything.
static bool keepLibraryCallsOnPercpu(Module &M) {
  LibraryCalls Libs(M);
  bool Changed = false;
  for (Function &F : M)
    for (BasicBlock &BB : F)
      for (Instruction &I : BB)
        if (auto *Call = dyn_cast<CallBase>(&I);
            Call && !Call->isNoBuiltin() &&
            any_of(Call->args(),
                   [](const Use &A) { return isPercpuPointerType(A->getType()); }) &&
            Libs.isLibraryCall(*Call)) {
          Call->addFnAttr(Attribute::NoBuiltin);
          Changed = true;
        }
  return Changed;
}

PreservedAnalyses PercpuEarlyCheckPass::run(Module &M,
                                            ModuleAnalysisManager &) {
  bool Changed = keepLibraryCallsOnPercpu(M);
  // Bitcode this pass lowered before, about to be optimised again.
  Changed |= protectLoweredUnit(M);
  if (Diagnostics::wereReported(M) || !mayHaveErrors(M))
    return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
  std::unique_ptr<Module> Copy = CloneModule(M);
  ModuleAnalysisManager Unused;
  PercpuLoweringPass().run(*Copy, Unused);
  if (!Diagnostics::wereReported(*Copy))
    return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
  Diagnostics::markReported(M);
  return PreservedAnalyses::none();
}

} // namespace percpu
