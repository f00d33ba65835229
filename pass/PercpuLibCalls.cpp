//===-- PercpuLibCalls.cpp - Library calls on per-CPU memory --------------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "PercpuLibCalls.h"

#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/TargetParser/Triple.h"

#include "percpu/abi.h"

using namespace llvm;

namespace percpu {

// Clang's calls for _Atomic objects with no lock-free instruction
// (__atomic_load, __atomic_store, __atomic_exchange, ...): libatomic's.
static constexpr StringRef AtomicLibcallPrefix = "__atomic_";

LibraryCalls::LibraryCalls(const Module &M)
    : TLI(Triple(M.getTargetTriple())) {}

/// The function Call calls directly, even where clang's retyping made the
/// call's type differ from the declaration's (getCalledFunction() is null
/// then).
static const Function *directCallee(const CallBase &Call) {
  return dyn_cast<Function>(Call.getCalledOperand()->stripPointerCasts());
}

bool LibraryCalls::isLibraryCall(const CallBase &Call) const {
  const Function *Callee = directCallee(Call);
  if (!Callee || Callee->isIntrinsic() || !Callee->isDeclaration())
    return false;
  LibFunc Func;
  return TLI.getLibFunc(Callee->getName(), Func) || takesCastPointers(Call);
}

bool LibraryCalls::takesCastPointers(const CallBase &Call) {
  const Function *Callee = directCallee(Call);
  return Callee && Callee->isDeclaration() &&
         Callee->getName().starts_with(AtomicLibcallPrefix);
}

Value *stripCastFromPercpu(Value *V) {
  auto *Cast = dyn_cast<Operator>(V);
  if (!Cast || (Cast->getOpcode() != Instruction::BitCast &&
                Cast->getOpcode() != Instruction::AddrSpaceCast))
    return nullptr;
  Value *From = Cast->getOperand(0);
  Type *FromTy = From->getType()->getScalarType();
  if (FromTy->isPointerTy() &&
      FromTy->getPointerAddressSpace() == PERCPU_ADDRESS_SPACE)
    return From;
  return stripCastFromPercpu(From);
}

} // namespace percpu
