//===-- LLVMCompat.h - The API differences between LLVM 16 and 22 -*- C++ -*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Every difference between the LLVM versions the plugin builds against
// (16 to 22) lives here, so the rest of pass/ is written once, against the
// newest API. The tests run on 16, 19 and 22. A helper switches at the
// release that changed the API when that is known, otherwise at 19: the
// older form still builds on the releases in between.
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_LLVMCOMPAT_H
#define PERCPU_LLVM_LLVMCOMPAT_H

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/BasicBlock.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/IR/ReplaceConstant.h"
#include "llvm/TargetParser/Triple.h"

// LLVM 22 moved the plugin interface out of llvm/Passes.
#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

namespace percpu::compat {

/// The data layout of F's module (Function::getDataLayout: LLVM 19).
inline const llvm::DataLayout &getDataLayout(const llvm::Function &F) {
#if LLVM_VERSION_MAJOR >= 19
  return F.getDataLayout();
#else
  return F.getParent()->getDataLayout();
#endif
}

/// The data layout of BB's module.
inline const llvm::DataLayout &getDataLayout(const llvm::BasicBlock &BB) {
  return getDataLayout(*BB.getParent());
}

/// The declaration of intrinsic ID with overloaded types Tys, added to M
/// when missing (Intrinsic::getDeclaration became getOrInsertDeclaration in
/// LLVM 20).
inline llvm::Function *getOrInsertIntrinsic(llvm::Module *M,
                                            llvm::Intrinsic::ID ID,
                                            llvm::ArrayRef<llvm::Type *> Tys) {
#if LLVM_VERSION_MAJOR >= 20
  return llvm::Intrinsic::getOrInsertDeclaration(M, ID, Tys);
#else
  return llvm::Intrinsic::getDeclaration(M, ID, Tys);
#endif
}

/// Whether ID is llvm.fake.use, which LLVM 20 introduced.
inline bool isFakeUse(llvm::Intrinsic::ID ID) {
#if LLVM_VERSION_MAJOR >= 20
  return ID == llvm::Intrinsic::fake_use;
#else
  return false;
#endif
}

/// A GEP on Base with Like's source type, Indices and wrap flags. LLVM 19
/// generalised the inbounds flag into GEPNoWrapFlags (nusw, nuw).
inline llvm::Value *createGEPLike(llvm::IRBuilder<> &B,
                                  const llvm::GEPOperator &Like,
                                  llvm::Value *Base,
                                  llvm::ArrayRef<llvm::Value *> Indices) {
#if LLVM_VERSION_MAJOR >= 19
  return B.CreateGEP(Like.getSourceElementType(), Base, Indices, "",
                     Like.getNoWrapFlags());
#else
  return B.CreateGEP(Like.getSourceElementType(), Base, Indices, "",
                     Like.isInBounds());
#endif
}

/// Inserts the unlinked New right before Pos. Positions became iterators
/// (for debug records); LLVM 16 has only the Instruction * form, which
/// LLVM 22 deprecates.
inline void insertBefore(llvm::Instruction *New, llvm::Instruction *Pos) {
#if LLVM_VERSION_MAJOR >= 19
  New->insertBefore(Pos->getIterator());
#else
  New->insertBefore(Pos);
#endif
}

/// Inserts a call of F with no arguments right before Pos, which must be an
/// instruction (not the end of its block). LLVM 16's CallInst::Create
/// takes no iterator.
inline llvm::CallInst *insertCallBefore(llvm::FunctionCallee F,
                                        llvm::BasicBlock::iterator Pos) {
#if LLVM_VERSION_MAJOR >= 19
  return llvm::CallInst::Create(F, "", Pos);
#else
  return llvm::CallInst::Create(F, "", &*Pos);
#endif
}

/// Rewrites the constant expressions that use C, directly or through other
/// constant expressions, as instructions wherever an instruction uses them,
/// so that C itself becomes an operand of instructions. LLVM 16 lacks
/// convertUsersOfConstantsToInstructions, and its
/// convertConstantExprsToInstructions converts C too, so this does it by
/// hand there.
inline void convertUsersToInstructions(llvm::Constant *C) {
#if LLVM_VERSION_MAJOR >= 19
  llvm::convertUsersOfConstantsToInstructions({C});
#else
  llvm::SmallVector<llvm::ConstantExpr *, 4> Users;
  for (llvm::User *U : C->users())
    if (auto *CE = llvm::dyn_cast<llvm::ConstantExpr>(U);
        CE && !llvm::is_contained(Users, CE))
      Users.push_back(CE);
  for (llvm::ConstantExpr *CE : Users) {
    // Outermost first: afterwards only instructions use CE.
    convertUsersToInstructions(CE);
    for (llvm::Use &U : llvm::make_early_inc_range(CE->uses())) {
      auto *I = llvm::dyn_cast<llvm::Instruction>(U.getUser());
      if (!I)
        continue; // a static initialiser
      llvm::Instruction *Pos = I;
      if (auto *Phi = llvm::dyn_cast<llvm::PHINode>(I))
        Pos = Phi->getIncomingBlock(U)->getTerminator();
      llvm::Instruction *AsInst = CE->getAsInstruction();
      insertBefore(AsInst, Pos);
      AsInst->setDebugLoc(I->getDebugLoc());
      U.set(AsInst);
    }
    if (CE->use_empty())
      CE->destroyConstant();
  }
#endif
}

/// Marks I with !nosanitize, which the sanitizers of LLVM 19 and later
/// honour on every instruction. LLVM 16's TSan ignores it on atomic loads
/// and stores, and would call __tsan_atomic*_load/_store on the address
/// without its segment (the template), but skips those whose scope is a
/// single thread; so there a TSan function's atomic load or store gets that
/// scope too. The code is the same mov, and TSan sees no segment access
/// either way.
inline void setNoSanitize(llvm::Instruction &I) {
  I.setMetadata(llvm::LLVMContext::MD_nosanitize,
                llvm::MDNode::get(I.getContext(), {}));
#if LLVM_VERSION_MAJOR < 19
  if (!I.getFunction()->hasFnAttribute(llvm::Attribute::SanitizeThread))
    return;
  if (auto *Load = llvm::dyn_cast<llvm::LoadInst>(&I); Load && Load->isAtomic())
    Load->setSyncScopeID(llvm::SyncScope::SingleThread);
  if (auto *Store = llvm::dyn_cast<llvm::StoreInst>(&I);
      Store && Store->isAtomic())
    Store->setSyncScopeID(llvm::SyncScope::SingleThread);
#endif
}

/// Whether F keeps a software shadow call stack (-fsanitize=shadow-call-
/// stack), whose prologue and epilogue move a register by a word (which
/// one, from which LLVM on: include/percpu/abi.h's
/// PERCPU_SHADOW_CALL_STACK_REGS), rather than the Zicfiss hardware one
/// ("hw-shadow-stack", from -fcf-protection=return on LLVM 20 and later,
/// with Zimop), which leaves every register alone.
inline bool hasSoftwareShadowCallStack(const llvm::Function &F) {
  return F.hasFnAttribute(llvm::Attribute::ShadowCallStack) &&
         !(F.hasFnAttribute("hw-shadow-stack") &&
           F.getFnAttribute("target-features")
               .getValueAsString()
               .contains("+zimop"));
}

/// Calls AddPasses(MPM) at the end of the optimisation pipeline. LLVM 20
/// gave the callback a ThinOrFullLTOPhase argument, which the generic
/// lambdas accept and ignore.
template <typename PassBuilderT, typename AddPassesT>
void registerOptimizerLast(PassBuilderT &PB, AddPassesT AddPasses) {
#if LLVM_VERSION_MAJOR >= 20
  PB.registerOptimizerLastEPCallback(
      [AddPasses](auto &MPM, auto, auto) { AddPasses(MPM); });
#else
  PB.registerOptimizerLastEPCallback(
      [AddPasses](auto &MPM, auto) { AddPasses(MPM); });
#endif
}

} // namespace percpu::compat

#endif // PERCPU_LLVM_LLVMCOMPAT_H
