//===-- PercpuDiagnostics.cpp - Errors the lowering reports ---------------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "PercpuDiagnostics.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instruction.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace percpu {

const char *const CastHint =
    "a cast between a per-CPU pointer and an ordinary pointer reaches the "
    "template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr() (or "
    "a uintptr_t round trip if the template is really meant)";

const Instruction *findInstructionUser(const Value &V) {
  for (const User *U : V.users()) {
    if (auto *I = dyn_cast<Instruction>(U))
      return I;
    if (isa<Constant>(U) && !isa<GlobalValue>(U))
      if (const Instruction *I = findInstructionUser(*U))
        return I;
  }
  return nullptr;
}

void Diagnostics::error(const Instruction &I, const Twine &Msg) {
  if (!Reported.insert(&I).second)
    return;
  M.getContext().diagnose(
      DiagnosticInfoUnsupported(*I.getFunction(), Msg, I.getDebugLoc()));
}

void Diagnostics::error(const GlobalValue &GV, const Twine &Msg) {
  if (!Reported.insert(&GV).second)
    return;
  std::string Full = ("'" + GV.getName() + "': " + Msg).str();
  SmallVector<DIGlobalVariableExpression *, 1> DIs;
  if (auto *Var = dyn_cast<GlobalVariable>(&GV))
    Var->getDebugInfo(DIs);
  if (!DIs.empty()) {
    DIGlobalVariable *DV = DIs[0]->getVariable();
    M.getContext().emitError(DV->getFilename() + ":" + Twine(DV->getLine()) +
                             ": " + Full);
    return;
  }
  if (const Instruction *User = findInstructionUser(GV)) {
    M.getContext().diagnose(DiagnosticInfoUnsupported(
        *User->getFunction(), Full, User->getDebugLoc()));
    return;
  }
  M.getContext().emitError(M.getSourceFileName() + ": " + Full);
}

void Diagnostics::error(const Value &V, const Twine &Msg) {
  if (auto *I = dyn_cast<Instruction>(&V))
    return error(*I, Msg);
  if (auto *GV = dyn_cast<GlobalValue>(&V))
    return error(*GV, Msg);
  if (!Reported.insert(&V).second)
    return;
  if (const Instruction *User = findInstructionUser(V)) {
    M.getContext().diagnose(DiagnosticInfoUnsupported(
        *User->getFunction(), Msg, User->getDebugLoc()));
    return;
  }
  M.getContext().emitError(M.getSourceFileName() + ": " + Msg);
}

} // namespace percpu
