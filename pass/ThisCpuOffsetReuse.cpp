//===-- ThisCpuOffsetReuse.cpp - Read this CPU's offset less often --------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// See ThisCpuOffsetReuse.h. A read of the offset has no operands of its
// own (its address is a constant) and cannot fault, so it may move to a
// loop's predecessor even when the loop body might not run.
//
//===----------------------------------------------------------------------===//

#include "ThisCpuOffsetReuse.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Metadata.h"

using namespace llvm;

namespace percpu {

static constexpr const char *PercpuAsmTag = "percpu.op";

void tagPercpuAsm(Instruction &I) {
  I.setMetadata(PercpuAsmTag, MDNode::get(I.getContext(), {}));
}

bool maySwitchCpu(const Instruction &I) {
  auto *Call = dyn_cast<CallBase>(&I);
  if (!Call)
    return false;
  // An intrinsic that touches only its arguments' memory (memcpy,
  // lifetime) or none the program sees (assume) runs no code of the
  // program's. Others may: wrgsbase writes the base, __builtin_setjmp
  // returns again after a longjmp from code that switched.
  if (isa<IntrinsicInst>(Call))
    return !Call->onlyAccessesInaccessibleMemOrArgMem();
  // Any asm of the program's own may write the base register or mark a
  // preemption boundary (barrier() in preempt_disable).
  return !(Call->isInlineAsm() && I.getMetadata(PercpuAsmTag));
}

/// Moves every offset read in L (or, when L has a switch point, in each
/// of its sub-loops that has none) to the block before it, as one read.
static bool
hoistFromLoop(Loop &L, function_ref<bool(const Instruction &)> IsOffsetRead) {
  bool Switches = any_of(L.blocks(), [](BasicBlock *BB) {
    return any_of(*BB, [](Instruction &I) { return maySwitchCpu(I); });
  });
  // The one block outside that enters the loop: the read may run there
  // even on the path that skips the loop.
  BasicBlock *Preheader = L.getLoopPredecessor();
  // (An invoke there is a call, which the read must follow.)
  if (Switches || !Preheader || isa<CallBase>(Preheader->getTerminator())) {
    bool Changed = false;
    for (Loop *Sub : L)
      Changed |= hoistFromLoop(*Sub, IsOffsetRead);
    return Changed;
  }
  SmallVector<Instruction *, 4> Reads;
  for (BasicBlock *BB : L.blocks())
    for (Instruction &I : *BB)
      if (IsOffsetRead(I))
        Reads.push_back(&I);
  if (Reads.empty())
    return false;
  Instruction *Hoisted = Reads.front();
  Hoisted->moveBefore(*Preheader, Preheader->getTerminator()->getIterator());
  for (Instruction *Read : drop_begin(Reads)) {
    Read->replaceAllUsesWith(Hoisted);
    Read->eraseFromParent();
  }
  return true;
}

/// Within each block, a read replaced by the one before it.
static bool
reuseWithinBlocks(Function &F,
                  function_ref<bool(const Instruction &)> IsOffsetRead) {
  bool Changed = false;
  for (BasicBlock &BB : F) {
    Instruction *Last = nullptr;
    for (Instruction &I : make_early_inc_range(BB)) {
      if (maySwitchCpu(I)) {
        Last = nullptr;
      } else if (IsOffsetRead(I)) {
        if (Last && Last->getType() == I.getType()) {
          I.replaceAllUsesWith(Last);
          I.eraseFromParent();
          Changed = true;
        } else {
          Last = &I;
        }
      }
    }
  }
  return Changed;
}

bool reuseThisCpuOffsets(Function &F,
                         function_ref<bool(const Instruction &)> IsOffsetRead) {
  if (F.isDeclaration() || F.hasOptNone())
    return false;
  DominatorTree DT(F);
  LoopInfo LI(DT);
  bool Changed = false;
  for (Loop *L : LI)
    Changed |= hoistFromLoop(*L, IsOffsetRead);
  return reuseWithinBlocks(F, IsOffsetRead) || Changed;
}

} // namespace percpu
