//===-- PercpuLibCalls.cpp - Library calls on per-CPU memory --------------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

#include "PercpuLibCalls.h"
#include "PercpuDiagnostics.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/PromoteMemToReg.h"

#include <optional>

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

/// The library function that glibc's headers make Name stand for, or ""
/// for any other name: the C99 and C23 scanf and strtol families are
/// declared by asm label as __isoc99_vsscanf, __isoc23_strtol, ..., and
/// _FORTIFY_SOURCE calls the checking versions (__fprintf_chk) instead.
/// Clang retypes these calls to per-CPU pointers as it does those of the
/// plain names, which the TargetLibraryInfo does not all know.
static StringRef glibcStandsFor(StringRef Name) {
  for (StringRef Prefix : {"__isoc99_", "__isoc23_"})
    if (Name.consume_front(Prefix))
      return Name;
  if (Name.starts_with("__") && Name.ends_with("_chk"))
    return Name.drop_front(2).drop_back(4);
  return "";
}

/// C library functions that clang retypes as builtins but that the
/// TargetLibraryInfo of LLVM 16 to 22 does not know: <strings.h>'s index
/// and rindex, and <wchar.h>'s and <stdlib.h>'s wide-character functions.
/// (Taken for program functions, they were handed the template.)
static bool isLibraryNameUnknownToLLVM(StringRef Name) {
  static constexpr StringLiteral Names[] = {
      "index",   "rindex",  "renameat", "wcscpy",  "wcsncpy", "wcscat",
      "wcsncat", "wcscmp",  "wcsncmp",  "wcscoll", "wcsxfrm", "wcschr",
      "wcsrchr", "wcscspn", "wcsspn",   "wcspbrk", "wcsstr",  "wcstok",
      "wcslen",  "wcsnlen", "wmemchr",  "wmemcmp", "wmemcpy", "wmemmove",
      "wmemset", "mblen",   "mbtowc",   "wctomb",  "mbstowcs", "wcstombs"};
  return is_contained(Names, Name);
}

bool LibraryCalls::isLibraryCall(const CallBase &Call) const {
  const Function *Callee = directCallee(Call);
  // An available_externally body is a copy of the library's (glibc's
  // extern inline vprintf at -O1 and up); the call still reaches the
  // library's definition.
  if (!Callee || Callee->isIntrinsic() ||
      !(Callee->isDeclaration() || Callee->hasAvailableExternallyLinkage()))
    return false;
  LibFunc Func;
  StringRef StandsFor = glibcStandsFor(Callee->getName());
  return TLI.getLibFunc(Callee->getName(), Func) ||
         (!StandsFor.empty() && TLI.getLibFunc(StandsFor, Func)) ||
         isLibraryNameUnknownToLLVM(Callee->getName()) ||
         (!StandsFor.empty() && isLibraryNameUnknownToLLVM(StandsFor)) ||
         takesCastPointers(Call);
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

/// The ordering a C11 memory_order constant (__ATOMIC_RELAXED = 0 to
/// __ATOMIC_SEQ_CST = 5) stands for; seq_cst when it is not a constant.
static AtomicOrdering orderingOf(const Value *Order) {
  auto *C = dyn_cast<ConstantInt>(Order);
  switch (C ? C->getZExtValue() : 5) {
  case 0:
    return AtomicOrdering::Monotonic;
  case 1: // consume
  case 2:
    return AtomicOrdering::Acquire;
  case 3:
    return AtomicOrdering::Release;
  case 4:
    return AtomicOrdering::AcquireRelease;
  default:
    return AtomicOrdering::SequentiallyConsistent;
  }
}

/// The ordering O as a load (or a cmpxchg's failure) may have it.
static AtomicOrdering withoutRelease(AtomicOrdering O) {
  if (O == AtomicOrdering::Release)
    return AtomicOrdering::Monotonic;
  if (O == AtomicOrdering::AcquireRelease)
    return AtomicOrdering::Acquire;
  return O;
}

/// The ordering O as a store may have it.
static AtomicOrdering withoutAcquire(AtomicOrdering O) {
  if (O == AtomicOrdering::Acquire)
    return AtomicOrdering::Monotonic;
  if (O == AtomicOrdering::AcquireRelease)
    return AtomicOrdering::Release;
  return O;
}

/// The instruction that Call, a sized libatomic routine ("__atomic_load_8"
/// is Name "__atomic_load" on Int), stands for on the per-CPU pointer P;
/// null when Call's types are not the routine's.
static Instruction *sizedAtomic(CallInst &Call, StringRef Name, Value *P,
                                IntegerType *Int, Align Alignment) {
  std::optional<AtomicRMWInst::BinOp> Op =
      StringSwitch<std::optional<AtomicRMWInst::BinOp>>(Name)
          .Case("__atomic_exchange", AtomicRMWInst::Xchg)
          .Case("__atomic_fetch_add", AtomicRMWInst::Add)
          .Case("__atomic_fetch_sub", AtomicRMWInst::Sub)
          .Case("__atomic_fetch_and", AtomicRMWInst::And)
          .Case("__atomic_fetch_or", AtomicRMWInst::Or)
          .Case("__atomic_fetch_xor", AtomicRMWInst::Xor)
          .Case("__atomic_fetch_nand", AtomicRMWInst::Nand)
          .Default(std::nullopt);
  auto Arg = [&](unsigned N) { return Call.getArgOperand(N); };
  auto ArgsAre = [&](std::initializer_list<Type *> Tys) {
    if (Tys.size() != Call.arg_size())
      return false;
    unsigned N = 0;
    for (Type *Ty : Tys) // null: any type
      if (Value *V = Arg(N++); Ty && V->getType() != Ty)
        return false;
    return true;
  };
  IRBuilder<> B(&Call);
  Type *Ptr = Arg(0)->getType(), *I32 = B.getInt32Ty();
  if (Name == "__atomic_load" && ArgsAre({Ptr, I32}) && Call.getType() == Int) {
    LoadInst *Load = B.CreateAlignedLoad(Int, P, Alignment);
    Load->setAtomic(withoutRelease(orderingOf(Arg(1))));
    return Load;
  }
  if (Name == "__atomic_store" && ArgsAre({Ptr, Int, I32})) {
    StoreInst *Store = B.CreateAlignedStore(Arg(1), P, Alignment);
    Store->setAtomic(withoutAcquire(orderingOf(Arg(2))));
    return Store;
  }
  if (Op && ArgsAre({Ptr, Int, I32}) && Call.getType() == Int)
    return B.CreateAtomicRMW(*Op, P, Arg(1), Alignment, orderingOf(Arg(2)));
  if (Name == "__atomic_compare_exchange" &&
      ArgsAre({Ptr, nullptr, Int, I32, I32}) && Call.getType()->isIntegerTy()) {
    // bool (T *p, T *expected, T desired, int success, int failure): on
    // failure *expected gets the value found (on success it has it).
    AtomicCmpXchgInst *CX = B.CreateAtomicCmpXchg(
        P, B.CreateLoad(Int, Arg(1)), Arg(2), Alignment, orderingOf(Arg(3)),
        withoutRelease(orderingOf(Arg(4))));
    B.CreateStore(B.CreateExtractValue(CX, 0), Arg(1));
    Call.replaceAllUsesWith(
        B.CreateZExt(B.CreateExtractValue(CX, 1), Call.getType()));
    return CX;
  }
  return nullptr;
}

/// The instruction that Call, a generic libatomic routine with a constant
/// size (__atomic_load(16, p, ret, order)), stands for on the per-CPU
/// pointer P: the routines' values go through memory. Null when Call's
/// types are not the routine's.
static Instruction *genericAtomic(CallInst &Call, StringRef Name, Value *P,
                                  IntegerType *Int, Align Alignment) {
  auto Arg = [&](unsigned N) { return Call.getArgOperand(N); };
  auto PointerArgs = [&](unsigned From, unsigned To) {
    for (unsigned N = From; N < To; ++N)
      if (!Arg(N)->getType()->isPointerTy())
        return false;
    return true;
  };
  IRBuilder<> B(&Call);
  unsigned Args = Call.arg_size();
  if (Name == "__atomic_load" && Args == 4 && PointerArgs(2, 3)) {
    LoadInst *Load = B.CreateAlignedLoad(Int, P, Alignment);
    Load->setAtomic(withoutRelease(orderingOf(Arg(3))));
    B.CreateStore(Load, Arg(2));
    return Load;
  }
  if (Name == "__atomic_store" && Args == 4 && PointerArgs(2, 3)) {
    StoreInst *Store =
        B.CreateAlignedStore(B.CreateLoad(Int, Arg(2)), P, Alignment);
    Store->setAtomic(withoutAcquire(orderingOf(Arg(3))));
    return Store;
  }
  if (Name == "__atomic_exchange" && Args == 5 && PointerArgs(2, 4)) {
    AtomicRMWInst *RMW =
        B.CreateAtomicRMW(AtomicRMWInst::Xchg, P, B.CreateLoad(Int, Arg(2)),
                          Alignment, orderingOf(Arg(4)));
    B.CreateStore(RMW, Arg(3));
    return RMW;
  }
  if (Name == "__atomic_compare_exchange" && Args == 6 && PointerArgs(2, 4) &&
      Call.getType()->isIntegerTy()) {
    AtomicCmpXchgInst *CX = B.CreateAtomicCmpXchg(
        P, B.CreateLoad(Int, Arg(2)), B.CreateLoad(Int, Arg(3)), Alignment,
        orderingOf(Arg(4)), withoutRelease(orderingOf(Arg(5))));
    B.CreateStore(B.CreateExtractValue(CX, 0), Arg(2));
    Call.replaceAllUsesWith(
        B.CreateZExt(B.CreateExtractValue(CX, 1), Call.getType()));
    return CX;
  }
  return nullptr;
}

/// The alignment of the per-CPU pointer P: a constant offset from a
/// variable, which the pass addresses as inttoptr (ptrtoint @var), has the
/// variable's alignment at that offset.
static Align knownAlignment(const Value *P, const DataLayout &DL) {
  APInt Offset(DL.getIndexTypeSizeInBits(P->getType()), 0);
  const Value *Base = P->stripAndAccumulateConstantOffsets(DL, Offset, true);
  if (auto *CE = dyn_cast<ConstantExpr>(Base);
      CE && CE->getOpcode() == Instruction::IntToPtr)
    if (auto *Int = dyn_cast<ConstantExpr>(CE->getOperand(0));
        Int && Int->getOpcode() == Instruction::PtrToInt)
      return commonAlignment(Int->getOperand(0)->getPointerAlignment(DL),
                             Offset.abs().getZExtValue());
  return P->getPointerAlignment(DL);
}

void expandAtomicLibcalls(Function &F, Diagnostics &Diag) {
  const DataLayout &DL = F.getParent()->getDataLayout();
  SmallVector<CallInst *, 4> Calls; // (an invoke would need its edges kept)
  for (Instruction &I : instructions(F))
    if (auto *Call = dyn_cast<CallInst>(&I);
        Call && LibraryCalls::takesCastPointers(*Call))
      Calls.push_back(Call);
  SmallVector<AllocaInst *, 4> Temporaries;
  for (CallInst *Call : Calls) {
    StringRef Name = directCallee(*Call)->getName();
    // The generic routines take the size first, then the pointer; the
    // sized ones say the size in their name: "__atomic_fetch_add_8".
    bool Generic = isa<ConstantInt>(Call->getArgOperand(0));
    unsigned PtrArg = Generic ? 1 : 0;
    if (Call->arg_size() <= PtrArg)
      continue;
    Value *Cast = Call->getArgOperand(PtrArg);
    Value *P = stripCastFromPercpu(Cast);
    if (!P)
      continue;
    uint64_t Bytes = 0;
    if (Generic) {
      Bytes = cast<ConstantInt>(Call->getArgOperand(0))->getZExtValue();
    } else {
      auto [Routine, Size] = Name.rsplit('_');
      if (Size.getAsInteger(10, Bytes))
        continue;
      Name = Routine;
    }
    if (!isPowerOf2_64(Bytes) || Bytes > 16)
      continue; // no instruction: the call gets this CPU's copy
    auto *Int = IntegerType::get(F.getContext(), Bytes * 8);
    Align Alignment = knownAlignment(P, DL);
    Instruction *I = nullptr;
    if (Generic)
      I = genericAtomic(*Call, Name, P, Int, Alignment);
    else if (Bytes <= 8)
      I = sizedAtomic(*Call, Name, P, Int, Alignment);
    else if (!Name.ends_with("compare_exchange"))
      // A 16-byte value goes in two registers here; none of these
      // operations has an instruction (a 16-byte cmpxchg is left alone).
      Diag.error(*Call,
                 "an atomic operation on 16 bytes of per-CPU memory has no "
                 "single instruction on this target",
                 "use a naturally aligned 1, 2, 4 or 8-byte type");
    if (!I)
      continue;
    for (Value *Arg : Call->args())
      if (auto *AI = dyn_cast<AllocaInst>(Arg);
          AI && !is_contained(Temporaries, AI))
        Temporaries.push_back(AI);
    if (!Call->use_empty())
      Call->replaceAllUsesWith(I);
    Call->eraseFromParent();
    // The cast, when an instruction, would now be an error of its own.
    RecursivelyDeleteTriviallyDeadInstructions(Cast);
  }
  // The values the routines took through memory go back into registers,
  // as clang 19 has them: nothing after the pass would remove a dead store
  // of cmpxchg's old value.
  SmallVector<AllocaInst *, 4> Promotable;
  for (AllocaInst *AI : Temporaries)
    if (isAllocaPromotable(AI))
      Promotable.push_back(AI);
  if (!Promotable.empty() && !F.hasOptNone()) {
    DominatorTree DT(F);
    PromoteMemToReg(Promotable, DT);
  }
}

} // namespace percpu
