//===-- PercpuLowering.cpp - Lower per-CPU variables ----------------------===//
//
// Background
// ----------
// <percpu.h> marks a per-CPU variable with an address space that no backend
// knows (PERCPU_ADDRESS_SPACE, include/percpu/abi.h). Every CPU has its own
// copy of each such variable; an access must reach the running CPU's copy.
// Left alone, the backends would compile the address space as plain memory,
// so every CPU would silently share one copy: this pass must see every
// access, and it ends by checking that it did.
//
// The model (the delta convention of Linux x86-64 and arm64, FreeBSD DPCPU)
// ----------------------------------------------------------------------
//   template   the link-time copy of every per-CPU variable, in section
//              PERCPU_SECTION; a per-CPU pointer's value is its template
//              address, so storing, passing and comparing it costs nothing.
//   area       each CPU's copy of the whole template (runtime/).
//   base       a register per CPU holding "area - template start".
//   access     *p means *(base + p); base 0 reaches the template itself.
//
// Implementation
// --------------
// 1. Remove the "plugin missing" guard that <percpu.h> plants in every unit,
//    and read the configuration it leaves (-DPERCPU_REGISTER, the mode):
//    the unit then references __percpu_runtime_for_<register or mode>, so
//    it links only with a runtime built the same way.
// 2. Move each per-CPU global into address space 0, in the template section;
//    references to it become inttoptr(ptrtoint @template) in the per-CPU
//    space. This form is valid in static initialisers (an addrspacecast is
//    not, llvm#93449), so per-CPU pointers stored in ordinary globals need
//    no rewriting.
// 3. Record the units' largest per-CPU alignment for the runtime.
// 4. Rewrite each instruction that dereferences a per-CPU pointer, whatever
//    produced the pointer (GEP, phi, select, argument, load): loads, stores,
//    atomics, memory and vector intrinsics, and the this_cpu_ptr() and
//    this_cpu_cmpxchg128() marker calls. How this CPU's copy is reached is
//    the target's business (PercpuTarget.h); in the preemption-hooks mode,
//    operations that read the base register apart from the access are put
//    between percpu_preempt_disable() and percpu_preempt_enable().
// 5. Check that no access to the per-CPU address space is left.
//
// Consequences and limitations
// ----------------------------
// - The pass runs at the end of the optimisation pipeline, so the optimiser
//   works on per-CPU accesses as ordinary memory and no later IR pass can
//   create an access the backend cannot lower (llvm#62834).
// - Converting a per-CPU pointer to an ordinary pointer with a cast would
//   reach the template, not this CPU's copy: it is an error, with a hint to
//   use this_cpu_ptr() or per_cpu_ptr(). A round trip through uintptr_t
//   stays possible on purpose (the runtime does it).
// - Inline asm operands that point into per-CPU memory are an error: the
//   asm would address the template (and x86 drops %gs:, llvm#187893).
// - With -flto the pass lowers each unit before the link, so the link-time
//   optimiser only sees address spaces the backend knows.
// - Per-CPU variables live in the image that defines them: the pass marks
//   templates dso_local, so a shared library cannot take another's. Only
//   the executable's template has areas, so per-CPU data in a shared
//   library would reach none: units compiled -fPIC (not -fPIE) get an ELF
//   note that makes a -shared link fail and that percpu_init looks for
//   (PercpuSharedLibrary.cpp).
// - What cannot be lowered is a compiler error at the source location
//   (compile with -g for line and column), never a silent fall-through.
//
//===----------------------------------------------------------------------===//

#include "PercpuLowering.h"
#include "PercpuSharedLibrary.h"
#include "PercpuTarget.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include "percpu/abi.h"

#define DEBUG_TYPE "percpu-lower"

using namespace llvm;
using namespace percpu;

STATISTIC(NumTemplates, "Per-CPU variables placed in the template");
STATISTIC(NumAccesses, "Loads and stores redirected to this CPU's copy");
STATISTIC(NumAtomics, "Read-modify-writes made indivisible on this CPU");
STATISTIC(NumMemIntrinsics, "Memory intrinsics redirected to this CPU's copy");
STATISTIC(NumThisCpuPtrs, "this_cpu_ptr() calls lowered");
STATISTIC(NumPreemptGuards, "Operations wrapped in preemption hooks");

// Memory intrinsics up to this many bytes keep segment addressing; the
// backend expands them inline. Longer or variable ones go through
// this_cpu_ptr(), since the backend cannot call memcpy on a segment
// (llvm#62834). 32 bytes is what x86 expands inline in the worst case:
// four 8-byte stores when optimising for size without SSE.
static constexpr uint64_t MaxInlineSegmentMemOpBytes = 32;

static bool isPercpuPointerType(Type *Ty) {
  Ty = Ty->getScalarType();
  return Ty->isPointerTy() && Ty->getPointerAddressSpace() == PERCPU_ADDRESS_SPACE;
}

static bool isPercpuPointer(const Value *V) {
  return isPercpuPointerType(V->getType());
}

namespace {

/// Reports what the pass cannot lower, once per instruction.
class Diagnostics {
public:
  explicit Diagnostics(Module &M) : M(M) {}

  void error(const Instruction &I, const Twine &Msg) {
    if (!Reported.insert(&I).second)
      return;
    M.getContext().diagnose(
        DiagnosticInfoUnsupported(*I.getFunction(), Msg, I.getDebugLoc()));
  }

  /// An error about a global: at its declaration when debug info gives it,
  /// else at a function that uses it (clang prints that location), else in
  /// the source file.
  void error(const GlobalValue &GV, const Twine &Msg) {
    std::string Full = ("'" + GV.getName() + "': " + Msg).str();
    SmallVector<DIGlobalVariableExpression *, 1> DIs;
    if (auto *Var = dyn_cast<GlobalVariable>(&GV))
      Var->getDebugInfo(DIs);
    if (!DIs.empty()) {
      DIGlobalVariable *DV = DIs[0]->getVariable();
      M.getContext().emitError(DV->getFilename() + ":" +
                               Twine(DV->getLine()) + ": " + Full);
      return;
    }
    if (const Instruction *User = findInstructionUser(GV)) {
      M.getContext().diagnose(DiagnosticInfoUnsupported(
          *User->getFunction(), Full, User->getDebugLoc()));
      return;
    }
    M.getContext().emitError(M.getSourceFileName() + ": " + Full);
  }

  bool reported(const Instruction &I) const { return Reported.count(&I); }

private:
  static const Instruction *findInstructionUser(const Value &V) {
    for (const User *U : V.users()) {
      if (auto *I = dyn_cast<Instruction>(U))
        return I;
      if (isa<ConstantExpr>(U))
        if (const Instruction *I = findInstructionUser(*U))
          return I;
    }
    return nullptr;
  }

  Module &M;
  SmallPtrSet<const Instruction *, 8> Reported;
};

} // namespace

static const char *const CastHint =
    "a cast between a per-CPU pointer and an ordinary pointer reaches the "
    "template, not this CPU's copy; use this_cpu_ptr() or per_cpu_ptr() (or "
    "a uintptr_t round trip if the template is really meant)";

/// Whether C contains an addrspacecast into or out of per-CPU space.
static bool hasPercpuCast(const Constant *C) {
  auto *CE = dyn_cast<ConstantExpr>(C);
  if (CE && CE->getOpcode() == Instruction::AddrSpaceCast &&
      (isPercpuPointer(CE) || isPercpuPointer(CE->getOperand(0))))
    return true;
  for (const Use &Op : C->operands())
    if (auto *OpC = dyn_cast<Constant>(Op); OpC && !isa<GlobalValue>(OpC))
      if (hasPercpuCast(OpC))
        return true;
  return false;
}

//===----------------------------------------------------------------------===//
// Steps 1-3: module-level
//===----------------------------------------------------------------------===//

/// Step 1. <percpu.h> gives each unit a static that references a symbol
/// nothing defines, so a unit compiled without this pass fails to link.
static bool removePluginGuard(Module &M) {
  GlobalVariable *Guard =
      M.getGlobalVariable(PERCPU_PLUGIN_GUARD_VAR, /*AllowInternal=*/true);
  if (!Guard)
    return false;
  Constant *Missing = Guard->hasInitializer() ? Guard->getInitializer() : nullptr;
  removeFromUsedLists(M, [&](Constant *C) { return C == Guard; });
  Guard->eraseFromParent();
  if (auto *GV = dyn_cast_or_null<GlobalValue>(Missing))
    if (GV->use_empty() && GV->isDeclaration())
      GV->eraseFromParent();
  return true;
}

static SmallVector<GlobalVariable *, 16> collectPercpuGlobals(Module &M) {
  SmallVector<GlobalVariable *, 16> Globals;
  for (GlobalVariable &GV : M.globals())
    if (GV.getAddressSpace() == PERCPU_ADDRESS_SPACE)
      Globals.push_back(&GV);
  return Globals;
}

/// Per-CPU globals the model has no meaning for. What it reports is then
/// made valid for the rest of the pipeline (the compilation fails anyway),
/// so that nothing crashes or piles up errors after the first.
static void diagnoseUnsupportedGlobals(Module &M,
                                       ArrayRef<GlobalVariable *> Globals,
                                       Diagnostics &Diag) {
  for (GlobalVariable *GV : Globals) {
    if (!GV->isThreadLocal())
      continue;
    Diag.error(*GV, "a per-CPU variable cannot be thread-local: it already "
                    "has one copy per CPU; drop _Thread_local/__thread");
    // Lower it as the per-CPU variable it also is, without follow-on errors.
    for (User *U : make_early_inc_range(GV->users()))
      if (auto *II = dyn_cast<IntrinsicInst>(U);
          II && II->getIntrinsicID() == Intrinsic::threadlocal_address) {
        II->replaceAllUsesWith(GV);
        II->eraseFromParent();
      }
    GV->setThreadLocal(false);
  }
  for (GlobalAlias &GA : M.aliases())
    if (isPercpuPointer(&GA) || isPercpuPointerType(GA.getAliasee()->getType()))
      Diag.error(GA, "an alias of a per-CPU variable is not supported; "
                     "declare the variable itself with DECLARE_PER_CPU");
  // llvm.used and friends hold casts of every kind; moveToTemplates
  // rebuilds them.
  for (GlobalVariable &GV : M.globals())
    if (!GV.getName().starts_with("llvm.") && GV.hasInitializer() &&
        hasPercpuCast(GV.getInitializer())) {
      Diag.error(GV, Twine("its initialiser converts a per-CPU pointer: ") +
                         CastHint);
      GV.setInitializer(Constant::getNullValue(GV.getValueType()));
    }
}

/// The type and initialiser of a DEFINE_PER_CPU_SHARED_ALIGNED variable
/// padded to whole cache lines: { T, [N x i8] }. Pointers to the variable
/// still point at T.
static void padToCacheLines(const DataLayout &DL, Type *&Ty, Constant *&Init) {
  uint64_t Size = DL.getTypeAllocSize(Ty);
  uint64_t Padding = alignTo(Size, PERCPU_CACHELINE_BYTES) - Size;
  if (!Padding)
    return;
  auto *PadTy = ArrayType::get(Type::getInt8Ty(Ty->getContext()), Padding);
  Ty = StructType::get(Ty->getContext(), {Ty, PadTy});
  if (Init)
    Init = ConstantStruct::getAnon({Init, Constant::getNullValue(PadTy)});
}

/// Step 2. Replaces each per-CPU global with its template: the same
/// variable in address space 0, in the template section.
static SmallVector<GlobalVariable *, 16>
moveToTemplates(Module &M, ArrayRef<GlobalVariable *> Globals) {
  Type *IntPtrTy = M.getDataLayout().getIntPtrType(M.getContext());
  SmallVector<GlobalValue *, 4> Used, CompilerUsed;
  collectUsedGlobalVariables(M, Used, /*CompilerUsed=*/false);
  collectUsedGlobalVariables(M, CompilerUsed, /*CompilerUsed=*/true);
  SmallPtrSet<GlobalValue *, 16> Percpu(Globals.begin(), Globals.end());
  removeFromUsedLists(M, [&](Constant *C) {
    return Percpu.count(dyn_cast<GlobalValue>(C->stripPointerCasts()));
  });

  SmallVector<GlobalVariable *, 16> Templates, NewUsed, NewCompilerUsed;
  for (GlobalVariable *GV : Globals) {
    Type *Ty = GV->getValueType();
    Constant *Init = GV->hasInitializer() ? GV->getInitializer() : nullptr;
    if (Init && GV->getSection() == PERCPU_SHARED_ALIGNED_SECTION)
      padToCacheLines(M.getDataLayout(), Ty, Init);
    auto *Template = new GlobalVariable(
        M, Ty, /*isConstant=*/false, GV->getLinkage(), Init, "", GV,
        GlobalValue::NotThreadLocal, /*AddressSpace=*/0);
    Template->takeName(GV);
    Template->copyAttributesFrom(GV);
    Template->setThreadLocalMode(GlobalValue::NotThreadLocal);
    Template->setComdat(GV->getComdat());
    Template->copyMetadata(GV, 0);
    // Every area is written by its CPU, so no template is read-only; and one
    // section for all keeps __start/__stop_percpu covering them.
    if (!Template->isDeclaration())
      Template->setSection(PERCPU_SECTION);
    // x86 addresses only dso_local globals directly (%gs:var(%rip)); the
    // template always lives in the image that uses it.
    Template->setDSOLocal(true);

    if (is_contained(Used, GV))
      NewUsed.push_back(Template);
    if (is_contained(CompilerUsed, GV))
      NewCompilerUsed.push_back(Template);

    LLVM_DEBUG(dbgs() << "percpu: template " << Template->getName() << "\n");
    GV->replaceAllUsesWith(ConstantExpr::getIntToPtr(
        ConstantExpr::getPtrToInt(Template, IntPtrTy), GV->getType()));
    GV->eraseFromParent();
    Templates.push_back(Template);
    ++NumTemplates;
  }
  SmallVector<GlobalValue *, 4> UsedGVs(NewUsed.begin(), NewUsed.end());
  SmallVector<GlobalValue *, 4> CompilerUsedGVs(NewCompilerUsed.begin(),
                                                NewCompilerUsed.end());
  if (!UsedGVs.empty())
    appendToUsed(M, UsedGVs);
  if (!CompilerUsedGVs.empty())
    appendToCompilerUsed(M, CompilerUsedGVs);
  return Templates;
}

/// Step 3. One 32-bit record per unit: its largest per-CPU alignment. The
/// runtime aligns every CPU's area to the largest record, so alignments
/// above a cache line hold in every copy.
static void emitAlignmentRecord(Module &M,
                                ArrayRef<GlobalVariable *> Templates) {
  const DataLayout &DL = M.getDataLayout();
  uint64_t MaxAlign = 0;
  for (GlobalVariable *T : Templates)
    if (!T->isDeclaration())
      MaxAlign = std::max(MaxAlign, DL.getPreferredAlign(T).value());
  if (!MaxAlign)
    return;
  auto *Int32 = Type::getInt32Ty(M.getContext());
  auto *Record = new GlobalVariable(M, Int32, /*isConstant=*/true,
                                    GlobalValue::PrivateLinkage,
                                    ConstantInt::get(Int32, MaxAlign),
                                    "__percpu_align_record");
  Record->setSection(PERCPU_ALIGN_SECTION);
  Record->setAlignment(Align(4));
  appendToUsed(M, {Record});
}

//===----------------------------------------------------------------------===//
// Step 4: instructions
//===----------------------------------------------------------------------===//

static bool isThisCpuPtrCall(const Instruction &I) {
  auto *Call = dyn_cast<CallInst>(&I);
  Function *Callee = Call ? Call->getCalledFunction() : nullptr;
  return Callee && Callee->getName() == PERCPU_THIS_CPU_PTR_FN;
}

static bool isCmpXchg128Call(const Instruction &I) {
  auto *Call = dyn_cast<CallInst>(&I);
  Function *Callee = Call ? Call->getCalledFunction() : nullptr;
  return Callee && Callee->getName() == PERCPU_CMPXCHG128_FN;
}

/// this_cpu_cmpxchg128(): the IR compare-and-exchange the lowering knows.
/// The C ABI passes the 16-byte values either whole (p, old, new) -> i128,
/// or as 64-bit halves (x86_64: p, old.lo, old.hi, new.lo, new.hi) ->
/// { i64, i64 }. Returns null for any other shape.
static AtomicCmpXchgInst *expandCmpXchg128(CallInst &Call) {
  IRBuilder<> B(&Call);
  Type *I64 = B.getInt64Ty(), *I128 = B.getInt128Ty();
  auto Join = [&](Value *Lo, Value *Hi) {
    return B.CreateOr(B.CreateZExt(Lo, I128),
                      B.CreateShl(B.CreateZExt(Hi, I128), 64));
  };
  auto IsI64 = [&](unsigned I) { return Call.getArgOperand(I)->getType() == I64; };
  Value *Old, *New;
  bool Halves = Call.arg_size() == 5 && IsI64(1) && IsI64(2) && IsI64(3) &&
                IsI64(4) && Call.getType()->isStructTy();
  if (Halves) {
    Old = Join(Call.getArgOperand(1), Call.getArgOperand(2));
    New = Join(Call.getArgOperand(3), Call.getArgOperand(4));
  } else if (Call.arg_size() == 3 && Call.getType() == I128) {
    Old = Call.getArgOperand(1);
    New = Call.getArgOperand(2);
  } else {
    return nullptr;
  }
  AtomicCmpXchgInst *CX = B.CreateAtomicCmpXchg(
      Call.getArgOperand(0), Old, New, MaybeAlign(16),
      AtomicOrdering::Monotonic, AtomicOrdering::Monotonic);
  CX->setDebugLoc(Call.getDebugLoc());
  Value *Result = B.CreateExtractValue(CX, 0);
  if (Halves) {
    Value *Pair = PoisonValue::get(Call.getType());
    Pair = B.CreateInsertValue(Pair, B.CreateTrunc(Result, I64), 0);
    Result = B.CreateInsertValue(
        Pair, B.CreateTrunc(B.CreateLShr(Result, 64), I64), 1);
  }
  Call.replaceAllUsesWith(Result);
  Call.eraseFromParent();
  return CX;
}

static bool hasPercpuPointerArg(const CallBase &Call) {
  return any_of(Call.args(), [](const Use &A) { return isPercpuPointer(A); });
}

/// Whether I dereferences a per-CPU pointer (so it needs lowering).
static bool accessesPercpuMemory(const Instruction &I) {
  if (auto *Load = dyn_cast<LoadInst>(&I))
    return isPercpuPointer(Load->getPointerOperand());
  if (auto *Store = dyn_cast<StoreInst>(&I))
    return isPercpuPointer(Store->getPointerOperand());
  if (auto *RMW = dyn_cast<AtomicRMWInst>(&I))
    return isPercpuPointer(RMW->getPointerOperand());
  if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I))
    return isPercpuPointer(CX->getPointerOperand());
  if (auto *Call = dyn_cast<CallBase>(&I))
    return hasPercpuPointerArg(*Call) &&
           (Call->isInlineAsm() ||
            (Call->getCalledFunction() &&
             Call->getCalledFunction()->isIntrinsic() &&
             !Call->doesNotAccessMemory()));
  return false;
}

static bool isPercpuCast(const Instruction &I) {
  if (auto *Cast = dyn_cast<AddrSpaceCastInst>(&I))
    return isPercpuPointer(Cast) || isPercpuPointer(Cast->getPointerOperand());
  return any_of(I.operands(), [](const Use &Op) {
    auto *C = dyn_cast<Constant>(Op);
    return C && hasPercpuCast(C);
  });
}

/// A per-CPU operand of a memory intrinsic, as the pointer to use instead.
static Value *memIntrinsicOperand(IRBuilder<> &B, PercpuTarget &Target,
                                  Value *P, bool KeepSegment) {
  if (!isPercpuPointer(P))
    return P;
  return KeepSegment ? Target.thisCpuAddress(B, P)
                     : Target.thisCpuPointer(B, P);
}

/// Rebuilds memset/memcpy/memmove (and their .inline forms) on this CPU's
/// copy. Returns false for other memory intrinsics.
static bool lowerMemIntrinsic(MemIntrinsic &MI, PercpuTarget &Target) {
  Intrinsic::ID ID = MI.getIntrinsicID();
  bool Inline = ID == Intrinsic::memcpy_inline || ID == Intrinsic::memset_inline;
  if (!Inline && ID != Intrinsic::memcpy && ID != Intrinsic::memmove &&
      ID != Intrinsic::memset)
    return false;

  IRBuilder<> B(&MI);
  auto *Length = dyn_cast<ConstantInt>(MI.getLength());
  bool KeepSegment =
      Inline || (Length && Length->getZExtValue() <= MaxInlineSegmentMemOpBytes);
  Value *Dst = memIntrinsicOperand(B, Target, MI.getRawDest(), KeepSegment);
  MaybeAlign DstAlign = MI.getDestAlign();
  Value *Len = MI.getLength();
  bool Volatile = MI.isVolatile();

  CallInst *New;
  if (ID == Intrinsic::memset || ID == Intrinsic::memset_inline) {
    Value *Byte = MI.getArgOperand(1);
    New = Inline ? B.CreateMemSetInline(Dst, DstAlign, Byte, Len, Volatile)
                 : B.CreateMemSet(Dst, Byte, Len, DstAlign, Volatile);
  } else {
    auto &Transfer = cast<MemTransferInst>(MI);
    Value *Src =
        memIntrinsicOperand(B, Target, Transfer.getRawSource(), KeepSegment);
    MaybeAlign SrcAlign = Transfer.getSourceAlign();
    if (ID == Intrinsic::memmove)
      New = B.CreateMemMove(Dst, DstAlign, Src, SrcAlign, Len, Volatile);
    else if (Inline)
      New = B.CreateMemCpyInline(Dst, DstAlign, Src, SrcAlign, Len, Volatile);
    else
      New = B.CreateMemCpy(Dst, DstAlign, Src, SrcAlign, Len, Volatile);
  }
  New->copyMetadata(MI);
  MI.eraseFromParent();
  return true;
}

/// Any other intrinsic that reaches memory through per-CPU pointers (the
/// vectoriser's masked loads and stores, gathers and scatters, prefetch):
/// the same intrinsic on this CPU's plain addresses. Returns false when the
/// intrinsic's signature cannot be rebuilt.
static bool lowerPointerIntrinsic(IntrinsicInst &II, PercpuTarget &Target) {
  Function *Callee = II.getCalledFunction();
  SmallVector<Type *, 4> OverloadTys;
  if (!Intrinsic::getIntrinsicSignature(Callee, OverloadTys))
    return false;
  auto InAddrSpace0 = [](Type *Ty) -> Type * {
    if (!isPercpuPointerType(Ty))
      return Ty;
    Type *Ptr = PointerType::get(Ty->getContext(), 0);
    if (auto *VecTy = dyn_cast<VectorType>(Ty))
      return VectorType::get(Ptr, VecTy);
    return Ptr;
  };
  for (Type *&Ty : OverloadTys)
    Ty = InAddrSpace0(Ty);
  if (isPercpuPointerType(II.getType()))
    return false; // returns a per-CPU pointer: not an access

  IRBuilder<> B(&II);
  SmallVector<Value *, 8> Args;
  for (Value *Arg : II.args())
    Args.push_back(isPercpuPointer(Arg) ? Target.thisCpuPointer(B, Arg) : Arg);
#if LLVM_VERSION_MAJOR >= 20
  Function *NewCallee = Intrinsic::getOrInsertDeclaration(
      II.getModule(), II.getIntrinsicID(), OverloadTys);
#else
  Function *NewCallee = Intrinsic::getDeclaration(
      II.getModule(), II.getIntrinsicID(), OverloadTys);
#endif
  CallInst *New = B.CreateCall(NewCallee, Args);
  New->copyMetadata(II);
  New->setAttributes(II.getAttributes());
  II.replaceAllUsesWith(New);
  II.eraseFromParent();
  return true;
}

/// Atomic accesses the target lowers as one instruction only when they are
/// naturally aligned and small enough: anything else would become a library
/// call on an address that lost its segment. A misaligned load or store of
/// at most 8 bytes is still one instruction, indivisible on this CPU, so it
/// stays, as a volatile non-atomic access; the rest is an error.
static bool checkAtomicAccess(Instruction &I, PercpuTarget &Target,
                              const DataLayout &DL, Diagnostics &Diag) {
  if (!I.isAtomic())
    return true;
  auto *Load = dyn_cast<LoadInst>(&I);
  auto *Store = dyn_cast<StoreInst>(&I);
  Type *ValTy;
  Align Alignment;
  if (Load || Store) {
    ValTy = getLoadStoreType(&I);
    Alignment = getLoadStoreAlignment(&I);
  } else if (auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
    ValTy = RMW->getValOperand()->getType();
    Alignment = RMW->getAlign();
  } else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I)) {
    ValTy = CX->getNewValOperand()->getType();
    Alignment = CX->getAlign();
  } else {
    return true; // fences and calls: not accesses of their own
  }
  uint64_t Bytes = DL.getTypeStoreSize(ValTy);
  // The segment read-modify-writes are asm, indifferent to alignment.
  if (!Load && !Store)
    Alignment = Align(std::max<uint64_t>(Bytes, 1));
  if (Target.supportsAtomicAccess(Bytes, Alignment) ||
      (isa<AtomicCmpXchgInst>(I) && Target.supportsCmpXchg128(Bytes)))
    return true;
  if ((Load || Store) && Bytes <= 8 && Target.isSegment()) {
    if (Load) {
      Load->setAtomic(AtomicOrdering::NotAtomic);
      Load->setVolatile(true);
    } else {
      Store->setAtomic(AtomicOrdering::NotAtomic);
      Store->setVolatile(true);
    }
    return true;
  }
  Diag.error(I, "an atomic operation on " + Twine(Bytes) + " bytes of " +
                    (Alignment.value() < Bytes ? "misaligned " : "") +
                    "per-CPU memory has no single instruction on this "
                    "target; use a naturally aligned 1, 2, 4 or 8-byte type");
  return false;
}

/// Puts I between percpu_preempt_disable() and percpu_preempt_enable().
static void guardPreemption(Instruction &I) {
  Module &M = *I.getModule();
  auto Hook = [&](const char *Name) {
    return M.getOrInsertFunction(Name, Type::getVoidTy(M.getContext()));
  };
  CallInst::Create(Hook("percpu_preempt_disable"), "", I.getIterator());
  CallInst::Create(Hook("percpu_preempt_enable"), "",
                   std::next(I.getIterator()));
  ++NumPreemptGuards;
}

/// Lowers one instruction that accesses per-CPU memory. Returns false when
/// it cannot, after reporting why.
static bool lowerAccess(Instruction &I, PercpuTarget &Target,
                        const DataLayout &DL, Diagnostics &Diag) {
  if (!checkAtomicAccess(I, Target, DL, Diag))
    return false;
  bool Guard = Target.needsPreemptGuard(I);
  if (Instruction *Short = Target.lowerShortAccess(I)) {
    if (Guard && !Target.shortAccessIsPreemptSafe())
      guardPreemption(*Short);
    ++NumAccesses;
    return true;
  }
  // The guard goes in first: the lowering reads the base register right
  // before I, so after the disable call.
  if (Guard)
    guardPreemption(I);

  IRBuilder<> B(&I);
  if (auto *Load = dyn_cast<LoadInst>(&I)) {
    Load->setOperand(LoadInst::getPointerOperandIndex(),
                     Target.thisCpuAddress(B, Load->getPointerOperand()));
    ++NumAccesses;
    return true;
  }
  if (auto *Store = dyn_cast<StoreInst>(&I)) {
    Store->setOperand(StoreInst::getPointerOperandIndex(),
                      Target.thisCpuAddress(B, Store->getPointerOperand()));
    ++NumAccesses;
    return true;
  }
  if (isa<AtomicRMWInst>(I) || isa<AtomicCmpXchgInst>(I)) {
    if (auto *RMW = dyn_cast<AtomicRMWInst>(&I))
      Target.lowerAtomicRMW(*RMW);
    else
      Target.lowerCmpXchg(cast<AtomicCmpXchgInst>(I));
    ++NumAtomics;
    return true;
  }
  if (auto *MI = dyn_cast<MemIntrinsic>(&I); MI && lowerMemIntrinsic(*MI, Target)) {
    ++NumMemIntrinsics;
    return true;
  }
  if (auto *Intrinsic = dyn_cast<IntrinsicInst>(&I);
      Intrinsic && lowerPointerIntrinsic(*Intrinsic, Target)) {
    ++NumMemIntrinsics;
    return true;
  }
  if (auto *Call = dyn_cast<CallBase>(&I); Call && Call->isInlineAsm()) {
    Diag.error(I, "an inline asm operand points into per-CPU memory; the asm "
                  "would address the template, not this CPU's copy: pass "
                  "this_cpu_ptr(p) instead");
    return false;
  }
  Diag.error(I, "this operation on per-CPU memory cannot be lowered; access "
                "the variable through this_cpu_ptr() instead");
  return false;
}

/// Step 4 for one function.
static bool lowerFunction(Function &F, PercpuTarget &Target,
                          Diagnostics &Diag) {
  SmallVector<Instruction *, 32> Accesses;
  SmallVector<CallInst *, 4> ThisCpuPtrs, CmpXchg128s;
  for (Instruction &I : instructions(F)) {
    if (isPercpuCast(I))
      Diag.error(I, CastHint);
    else if (isThisCpuPtrCall(I))
      ThisCpuPtrs.push_back(cast<CallInst>(&I));
    else if (isCmpXchg128Call(I))
      CmpXchg128s.push_back(cast<CallInst>(&I));
    else if (accessesPercpuMemory(I))
      Accesses.push_back(&I);
  }
  for (CallInst *Call : CmpXchg128s) {
    if (AtomicCmpXchgInst *CX = expandCmpXchg128(*Call))
      Accesses.push_back(CX);
    else
      Diag.error(*Call, "this_cpu_cmpxchg128 is not available for this "
                        "target's calling convention; use this_cpu_cmpxchg "
                        "on 8 bytes or less");
  }
  if (Accesses.empty() && ThisCpuPtrs.empty())
    return false;

  const DataLayout &DL = F.getDataLayout();
  SmallVector<WeakTrackingVH, 16> MaybeDead;
  for (Instruction *I : Accesses) {
    for (Value *Op : I->operands())
      if (isa<GetElementPtrInst>(Op))
        MaybeDead.push_back(Op);
    lowerAccess(*I, Target, DL, Diag);
  }
  for (CallInst *Call : ThisCpuPtrs) {
    IRBuilder<> B(Call);
    Value *P = Call->getArgOperand(0);
    if (isa<GetElementPtrInst>(P))
      MaybeDead.push_back(P);
    Call->replaceAllUsesWith(Target.thisCpuPointer(B, P));
    Call->eraseFromParent();
    ++NumThisCpuPtrs;
  }
  // The rewrites rebuilt GEP chains on the template; drop the old ones.
  RecursivelyDeleteTriviallyDeadInstructionsPermissive(MaybeDead);
  return true;
}

//===----------------------------------------------------------------------===//
// Step 5: nothing left behind
//===----------------------------------------------------------------------===//

static void verifyNoPercpuAccessLeft(Module &M, Diagnostics &Diag) {
  for (Function &F : M)
    for (Instruction &I : instructions(F))
      if ((accessesPercpuMemory(I) || isThisCpuPtrCall(I) ||
           isCmpXchg128Call(I)) &&
          !Diag.reported(I))
        Diag.error(I, "percpu-llvm internal error: an access to per-CPU "
                      "memory was left unlowered (please report it)");
}

static bool usesPercpu(Module &M, ArrayRef<GlobalVariable *> Globals) {
  if (!Globals.empty() || M.getFunction(PERCPU_THIS_CPU_PTR_FN) ||
      M.getFunction(PERCPU_CMPXCHG128_FN))
    return true;
  for (Function &F : M) {
    if (any_of(F.args(), [](Argument &A) { return isPercpuPointer(&A); }))
      return true;
    for (Instruction &I : instructions(F))
      if (isPercpuPointer(&I) || accessesPercpuMemory(I) || isPercpuCast(I))
        return true;
  }
  return false;
}

/// Removes a configuration string <percpu.h> leaves (-DPERCPU_REGISTER,
/// the mode) and returns it; "" when the unit did not set it.
static std::string takeConfigString(Module &M, StringRef Name) {
  GlobalVariable *Config = M.getGlobalVariable(Name, /*AllowInternal=*/true);
  if (!Config)
    return "";
  std::string Value = "?";
  if (auto *Str = dyn_cast_or_null<ConstantDataSequential>(
          Config->hasInitializer() ? Config->getInitializer() : nullptr);
      Str && Str->isCString())
    Value = Str->getAsCString().str();
  removeFromUsedLists(M, [&](Constant *C) { return C == Config; });
  Config->eraseFromParent();
  return Value;
}

/// The base register: the architecture's default or the one requested.
static std::optional<StringRef> selectRegister(Module &M, const ArchInfo &Info,
                                               const Triple &TT,
                                               StringRef Requested) {
  if (Requested.empty())
    return Info.Registers.front();
  auto It = find(Info.Registers, Requested);
  if (It != Info.Registers.end())
    return *It;
  M.getContext().emitError("percpu-llvm: PERCPU_REGISTER=" + Requested +
                           " is not a per-CPU base register on " +
                           Triple::getArchTypeName(TT.getArch()) +
                           "; supported: " +
                           PercpuTarget::registerNames(Info));
  return std::nullopt;
}

/// Makes the unit reference a symbol only a runtime built for the same
/// register and mode defines, so a mismatch fails at link time.
static void requireMatchingRuntime(Module &M, const PercpuOptions &Opts) {
  LLVMContext &Ctx = M.getContext();
  std::string Config = Opts.SingleCpu ? "single_cpu" : Opts.Reg.str();
  Constant *Symbol = M.getOrInsertGlobal(PERCPU_RUNTIME_SYMBOL_PREFIX + Config,
                                         Type::getInt8Ty(Ctx));
  cast<GlobalVariable>(Symbol)->setDSOLocal(true);
  auto *Check = new GlobalVariable(M, PointerType::get(Ctx, 0),
                                   /*isConstant=*/true,
                                   GlobalValue::PrivateLinkage, Symbol,
                                   "__percpu_runtime_check");
  appendToUsed(M, {Check});
}

static std::optional<PercpuOptions> parseMode(Module &M, StringRef Mode) {
  PercpuOptions Opts;
  if (Mode == "single-cpu")
    Opts.SingleCpu = true;
  else if (Mode == "preempt-hooks")
    Opts.PreemptHooks = true;
  else if (!Mode.empty()) {
    M.getContext().emitError("percpu-llvm: unknown per-CPU mode '" + Mode +
                             "'; define PERCPU_SINGLE_CPU or "
                             "PERCPU_PREEMPT_HOOKS, or neither");
    return std::nullopt;
  }
  return Opts;
}

PreservedAnalyses PercpuLoweringPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = removePluginGuard(M);
  std::string RequestedReg = takeConfigString(M, PERCPU_REGISTER_VAR);
  std::string Mode = takeConfigString(M, PERCPU_MODE_VAR);
  Changed |= !RequestedReg.empty() || !Mode.empty();
  SmallVector<GlobalVariable *, 16> Globals = collectPercpuGlobals(M);
  if (!usesPercpu(M, Globals))
    return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();

  Diagnostics Diag(M);
  Triple TT(M.getTargetTriple());
  const ArchInfo *Info = PercpuTarget::lookup(TT);
  if (!Info) {
    M.getContext().emitError(
        "percpu-llvm: per-CPU variables are not supported on target '" +
        TT.str() + "'; supported architectures: " +
        PercpuTarget::supportedArchNames());
    return PreservedAnalyses::none();
  }

  std::optional<StringRef> Reg = selectRegister(M, *Info, TT, RequestedReg);
  std::optional<PercpuOptions> Opts = parseMode(M, Mode);
  if (!Reg || !Opts)
    return PreservedAnalyses::none();
  Opts->Reg = *Reg;
  requireMatchingRuntime(M, *Opts);
  markForExecutableOnly(M);

  diagnoseUnsupportedGlobals(M, Globals, Diag);
  SmallVector<GlobalVariable *, 16> Templates = moveToTemplates(M, Globals);
  emitAlignmentRecord(M, Templates);

  PercpuTarget Target(M, *Info, *Opts);
  for (Function &F : M)
    lowerFunction(F, Target, Diag);
  for (const char *Name : {PERCPU_THIS_CPU_PTR_FN, PERCPU_CMPXCHG128_FN})
    if (Function *Marker = M.getFunction(Name))
      if (Marker->use_empty())
        Marker->eraseFromParent();

  verifyNoPercpuAccessLeft(M, Diag);
  return PreservedAnalyses::none();
}
