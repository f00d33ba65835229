//===-- PercpuLowering.cpp - Lower per-CPU variables ----------------------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
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
// 3. Record the units' largest per-CPU alignment for the runtime, and
//    make each template's debug info mean this CPU's copy
//    (PercpuDebugInfo.cpp).
// 4. Rewrite each instruction that dereferences a per-CPU pointer, whatever
//    produced the pointer (GEP, phi, select, argument, load): loads, stores,
//    atomics, memory and vector intrinsics, the this_cpu_ptr() and
//    this_cpu_cmpxchg128() marker calls (invokes too), and calls of C
//    library functions that clang retyped to the per-CPU space, which get
//    an ordinary pointer to this CPU's copy (PercpuLibCalls.h). How this CPU's copy is reached is
//    the target's business (PercpuTarget.h); in the preemption-hooks mode,
//    operations that read the base register apart from the access are put
//    between percpu_preempt_disable() and percpu_preempt_enable().
// 5. Check, with an allowlist, that per-CPU pointers are now only moved or
//    compared (PercpuCheck.cpp): every other use is an error, so an IR
//    form the pass does not know fails to compile.
//
// Where each IR form that can carry a per-CPU pointer goes (test/forms,
// test/ir and the per-architecture tests exercise each row):
//
//   form                                  step  result
//   ------------------------------------  ----  ---------------------------
//   load, store, atomicrmw, cmpxchg         4   this CPU's copy
//   memcpy/memmove/memset, masked and       4   this CPU's copy
//   gather/scatter intrinsics, prefetch
//   this_cpu_ptr, cmpxchg128 (call/invoke)  4   this CPU's copy
//   retyped library call, __atomic_* call   4   this CPU's copy
//   GEP, phi, select, freeze, icmp,         5   allowed: moves the pointer
//   ptrtoint, ret, stored value,
//   __percpu parameter
//   addrspacecast / bitcast out of the      4,5 error (cast hint)
//   space, also inside constants
//   inline asm operand                      4   error
//   variadic, unprototyped, byval           5   error
//   argument; operand bundle
//   direct call typed unlike its callee     5   error
//   (through aliases), per-CPU alloca,
//   alias of a per-CPU variable or cast   2,5 error
//   anything else                           5   error
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
//   optimiser only sees address spaces the backend knows. The LTO link
//   optimises again, and its LoopIdiom (thin) and MemCpyOpt (full and thin)
//   would merge x86 %gs: accesses inlined from several functions into
//   memset/memcpy the backend cannot emit: in -flto units, functions left
//   with %gs: accesses get no-builtin-memset/memcpy/memmove, so the link
//   inlines them only into functions that carry those too, and their short
//   %gs: memory intrinsics are volatile (SegmentAccess.cpp).
// - x86 memory intrinsics of at most 32 constant bytes stay on %gs: in the
//   .inline forms, which the backend must expand whatever its heuristics
//   (-Os, cold, volatile); memmove, which has none, becomes loads then
//   stores. Longer or variable ones run on this_cpu_ptr().
// - Under ASan/KASAN, TSan, MSan/KMSAN and HWASan, x86 memory intrinsics
//   all run on this_cpu_ptr(), where the sanitizer checks this CPU's copy;
//   what stays on %gs: (loads, stores, this_cpu_* operations) carries
//   !nosanitize and goes unchecked, since the sanitizers would check the
//   template (llvm#124238). On the base-register targets every access is
//   an ordinary pointer to this CPU's copy, and sanitizers check it.
// - Vectors of per-CPU pointers (gathers, scatters) read the base once and
//   add it to every lane.
// - The base is read again after every call and every asm of the
//   program's own, where the thread may have moved to another CPU; between
//   them it is read once where that is cheaper: the plain load and store
//   of v++ share one this_cpu_ptr, and x86_64's read of this CPU's offset
//   is reused and hoisted out of loops without either
//   (ThisCpuOffsetReuse.h).
// - Per-CPU variables live in the image that defines them: the pass marks
//   templates dso_local, so a shared library cannot take another's. Only
//   the executable's template has areas, so per-CPU data in a shared
//   library would reach none: units compiled -fPIC (not -fPIE) get an ELF
//   note that makes a -shared link fail and that percpu_init looks for
//   (PercpuSharedLibrary.cpp).
// - -fcommon definitions become weak templates (a common symbol cannot
//   have a section); undefined weak declarations stay preemptible, so a
//   PIE link reaches them through the GOT.
// - Only ELF targets: the template section and its __start/__stop symbols
//   are ELF's; Mach-O and COFF get an error.
// - What cannot be lowered is a compiler error at the source location,
//   never a silent fall-through. PercpuEarlyCheck.h reports it from a copy
//   of the unoptimised module, so the location is the same at every -O;
//   PercpuDiagnostics.h says where each kind of error points.
//
//===----------------------------------------------------------------------===//

#include "PercpuLowering.h"
#include "LLVMCompat.h"
#include "PercpuCheck.h"
#include "PercpuDebugInfo.h"
#include "PercpuDiagnostics.h"
#include "PercpuLibCalls.h"
#include "PercpuSharedLibrary.h"
#include "PercpuTarget.h"
#include "SegmentAccess.h"
#include "ThisCpuOffsetReuse.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
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
STATISTIC(NumLibraryCalls, "Library calls given this CPU's copy");
STATISTIC(NumPreemptGuards, "Operations wrapped in preemption hooks");
STATISTIC(NumSharedPointers, "Plain accesses that share one this_cpu_ptr");

// Memory intrinsics up to this many bytes keep segment addressing, in forms
// the backend must expand inline. Longer or variable ones go through
// this_cpu_ptr(), since the backend cannot call memcpy on a segment
// (llvm#62834). 32 bytes cost at most four 8-byte moves each way (no SSE);
// longer inline copies would grow the code more than the call costs.
static constexpr uint64_t MaxInlineSegmentMemOpBytes = 32;

static bool isPercpuPointerType(Type *Ty) {
  Ty = Ty->getScalarType();
  return Ty->isPointerTy() && Ty->getPointerAddressSpace() == PERCPU_ADDRESS_SPACE;
}

static bool isPercpuPointer(const Value *V) {
  return isPercpuPointerType(V->getType());
}



/// Whether a cast instruction or constant changes the address space into or
/// out of per-CPU space (clang writes some as bitcasts).
static bool isPercpuCastOp(const Operator &Op) {
  if (Op.getOpcode() != Instruction::AddrSpaceCast &&
      Op.getOpcode() != Instruction::BitCast)
    return false;
  return isPercpuPointer(&Op) != isPercpuPointer(Op.getOperand(0));
}

/// Whether C contains a cast into or out of per-CPU space.
static bool hasPercpuCast(const Constant *C) {
  if (auto *Op = dyn_cast<Operator>(C); Op && isPercpuCastOp(*Op))
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

/// Adds to Found each per-CPU global that C refers to, through constant
/// expressions.
static void collectPercpuGlobalsIn(const Constant *C,
                                   SetVector<GlobalVariable *> &Found) {
  if (auto *GV = dyn_cast<GlobalVariable>(C)) {
    if (GV->getAddressSpace() == PERCPU_ADDRESS_SPACE)
      Found.insert(const_cast<GlobalVariable *>(GV));
    return;
  }
  if (isa<GlobalValue>(C))
    return;
  for (const Use &Op : C->operands())
    collectPercpuGlobalsIn(cast<Constant>(Op), Found);
}

/// Adds to Found the per-CPU globals that the per-CPU pointer V is
/// computed from (address arithmetic, phis, selects, casts).
static void collectPercpuBases(Value *V,
                               SetVector<GlobalVariable *> &Found,
                               SmallPtrSetImpl<Value *> &Seen) {
  if (!Seen.insert(V).second)
    return;
  if (auto *C = dyn_cast<Constant>(V))
    return collectPercpuGlobalsIn(C, Found);
  if (isa<AddrSpaceCastInst>(V) || isa<BitCastInst>(V))
    return collectPercpuBases(cast<Instruction>(V)->getOperand(0), Found,
                              Seen);
  if (auto *GEP = dyn_cast<GetElementPtrInst>(V))
    return collectPercpuBases(GEP->getPointerOperand(), Found, Seen);
  if (auto *Sel = dyn_cast<SelectInst>(V)) {
    collectPercpuBases(Sel->getTrueValue(), Found, Seen);
    return collectPercpuBases(Sel->getFalseValue(), Found, Seen);
  }
  if (auto *Phi = dyn_cast<PHINode>(V))
    for (Value *In : Phi->incoming_values())
      collectPercpuBases(In, Found, Seen);
}

/// An Itanium C++ destructor (base, complete or deleting).
static bool isDestructorName(StringRef Name) {
  return Name.starts_with("_Z") &&
         (Name.ends_with("D0Ev") || Name.ends_with("D1Ev") ||
          Name.ends_with("D2Ev"));
}

/// The code clang emits to destroy C++ objects with static storage at
/// exit: __cxa_atexit(dtor, &object, dso), or for arrays and with
/// -fno-use-cxa-atexit a helper of its own that calls the destructors
/// (__cxx_global_array_dtor, __dtor_<object>). A per-CPU object's
/// destructor would run there once, on the template: clang registers the
/// template's address, which no CPU's register reaches at exit. Only the
/// object destroyed counts: what an inlined destructor of an ordinary
/// object does to per-CPU data is ordinary code.
static void diagnoseExitDestructors(Module &M, Diagnostics &Diag) {
  SetVector<GlobalVariable *> Destroyed;
  SmallVector<CallBase *, 4> DeadRegistrations;
  SmallVector<Function *, 4> DeadHelpers;
  for (Function &F : M) {
    StringRef Name = F.getName();
    if (Name == "__cxa_atexit" || Name == "__cxa_thread_atexit") {
      for (User *U : F.users()) {
        auto *Call = dyn_cast<CallBase>(U);
        if (!Call || Call->getCalledOperand() != &F || Call->arg_size() < 2)
          continue;
        size_t Before = Destroyed.size();
        SmallPtrSet<Value *, 8> Seen;
        collectPercpuBases(Call->getArgOperand(1), Destroyed, Seen);
        if (Destroyed.size() != Before)
          DeadRegistrations.push_back(Call);
      }
    } else if (!F.isDeclaration() && F.hasLocalLinkage() &&
               (Name.starts_with("__cxx_global_array_dtor") ||
                Name.starts_with("__dtor_"))) {
      size_t Before = Destroyed.size();
      for (Instruction &I : instructions(F)) {
        auto *Call = dyn_cast<CallBase>(&I);
        Function *Callee = Call ? Call->getCalledFunction() : nullptr;
        if (!Callee || !isDestructorName(Callee->getName()) ||
            Call->arg_size() < 1)
          continue;
        SmallPtrSet<Value *, 8> Seen;
        collectPercpuBases(Call->getArgOperand(0), Destroyed, Seen);
      }
      if (Destroyed.size() != Before)
        DeadHelpers.push_back(&F);
    }
  }
  // In the order of the definitions, before the registrations go.
  for (GlobalVariable &GV : M.globals())
    if (Destroyed.count(&GV))
      Diag.error(GV,
                 "a per-CPU object with a non-trivial destructor would be "
                 "destroyed once, at exit, in the template, not in each "
                 "CPU's copy",
                 "give the class a trivial destructor, and tear each CPU's "
                 "copy down explicitly where the CPU goes down "
                 "(per_cpu_ptr(&v, cpu)->release())");
  // Then the template is never destroyed, without follow-on cast errors.
  // (LLVM 16's clang casts the object to an ordinary pointer, which
  // exposeConstantCasts made an instruction: it goes too.)
  SmallVector<WeakTrackingVH, 4> Operands;
  for (CallBase *Call : DeadRegistrations) {
    if (!Call->getType()->isVoidTy())
      Call->replaceAllUsesWith(Constant::getNullValue(Call->getType()));
    for (Value *Arg : Call->args())
      Operands.push_back(Arg);
    Call->eraseFromParent();
  }
  RecursivelyDeleteTriviallyDeadInstructionsPermissive(Operands);
  for (Function *Helper : DeadHelpers) {
    Helper->deleteBody();
    Helper->setLinkage(GlobalValue::InternalLinkage);
    auto *Entry = BasicBlock::Create(M.getContext(), "", Helper);
    ReturnInst::Create(M.getContext(),
                       Helper->getReturnType()->isVoidTy()
                           ? nullptr
                           : Constant::getNullValue(Helper->getReturnType()),
                       Entry);
  }
}

/// Per-CPU globals the model has no meaning for. What it reports is then
/// made valid for the rest of the pipeline (the compilation fails anyway),
/// so that nothing crashes or piles up errors after the first.
static void diagnoseUnsupportedGlobals(Module &M,
                                       ArrayRef<GlobalVariable *> Globals,
                                       Diagnostics &Diag) {
  diagnoseExitDestructors(M, Diag);
  for (GlobalVariable *GV : Globals) {
    if (!GV->isThreadLocal())
      continue;
    Diag.error(*GV,
               "a per-CPU variable cannot be thread-local: it already has "
               "one copy per CPU",
               "drop _Thread_local/__thread (thread_local in C++)");
    // Lower it as the per-CPU variable it also is, without follow-on errors.
    for (User *U : make_early_inc_range(GV->users()))
      if (auto *II = dyn_cast<IntrinsicInst>(U);
          II && II->getIntrinsicID() == Intrinsic::threadlocal_address) {
        II->replaceAllUsesWith(GV);
        II->eraseFromParent();
      }
    GV->setThreadLocal(false);
  }
  // A C++ function-local static (Itanium name _ZZ...) with a dynamic
  // initialiser has a guard variable (_ZGV + the name without _Z): the
  // first CPU to run the function would initialise its own copy and set
  // the guard, and every other CPU's copy would keep the template's value.
  for (GlobalVariable *GV : Globals) {
    StringRef Name = GV->getName();
    // (A destructor needs the guard too: reported above.)
    if (Name.starts_with("_ZZ") && !Diag.reported(*GV) &&
        M.getNamedGlobal(("_ZGV" + Name.drop_front(2)).str()))
      Diag.error(*GV,
                 "a function-local static per-CPU variable with a dynamic "
                 "initialiser would be initialised only in the copy of the "
                 "first CPU to run the function",
                 "initialise it with a constant expression, or define it "
                 "with DEFINE_PER_CPU outside the function");
  }
  // The stack protector's guard is read by the back end, after the pass,
  // by its symbol alone: a per-CPU guard would be read in the template.
  StringRef GuardSymbol = M.getStackProtectorGuardSymbol();
  for (GlobalVariable *GV : Globals) {
    StringRef Name = GV->getName();
    if (Name == "__stack_chk_guard" ||
        (!GuardSymbol.empty() && Name == GuardSymbol))
      Diag.error(*GV,
                 "the stack protector reads its guard without the per-CPU "
                 "base register, so this per-CPU variable would be read in "
                 "the template, not this CPU's copy",
                 "make the guard an ordinary global variable");
  }
  for (GlobalAlias &GA : M.aliases()) {
    if (!isPercpuPointer(&GA) &&
        !isPercpuPointerType(GA.getAliasee()->getType()) &&
        !hasPercpuCast(GA.getAliasee()))
      continue;
    Diag.error(GA, AliasProblem.What, AliasProblem.Advice);
    // An ordinary alias of a cast: no backend emits the cast (x86 crashes),
    // an integer round trip it does.
    if (!hasPercpuCast(GA.getAliasee()))
      continue;
    auto *Base = cast<Constant>(getUnderlyingObject(GA.getAliasee()));
    GA.setAliasee(ConstantExpr::getIntToPtr(
        ConstantExpr::getPtrToInt(
            Base, M.getDataLayout().getIntPtrType(Base->getType())),
        GA.getType()));
  }
  for (GlobalVariable *GV : Globals) {
    StringRef Section = GV->getSection();
    if (Section.empty() || Section == PERCPU_SECTION ||
        Section == PERCPU_SHARED_ALIGNED_SECTION)
      continue;
    Diag.error(*GV,
               "a per-CPU variable lives in the template section '" +
                   Twine(PERCPU_SECTION) + "', so its section(\"" + Section +
                   "\") cannot be honoured",
               "remove the attribute (the linker fragments place the "
               "template)");
    GV->setSection("");
  }
  // llvm.used and friends hold casts of every kind; moveToTemplates
  // rebuilds them.
  for (GlobalVariable &GV : M.globals())
    if (!GV.getName().starts_with("llvm.") && GV.hasInitializer() &&
        hasPercpuCast(GV.getInitializer())) {
      Diag.error(GV,
                 Twine("its initialiser converts a per-CPU pointer: ") +
                     CastProblem.What,
                 CastProblem.Advice);
      GV.setInitializer(Constant::getNullValue(GV.getValueType()));
    }
}

/// Clang writes some casts out of per-CPU space as constant bitcasts
/// (_Atomic aggregates: __atomic_load(24, bitcast (@v to ptr), ...)). Once
/// a global moves to its template such a cast would fold into an ordinary
/// pointer to the template, so each one an instruction uses becomes an
/// instruction first, for the lowering and the checks to see.
static void exposeConstantCasts(ArrayRef<GlobalVariable *> Globals) {
  SmallVector<ConstantExpr *, 4> Casts;
  SmallVector<Constant *, 16> Work(Globals.begin(), Globals.end());
  SmallPtrSet<Constant *, 16> Seen;
  while (!Work.empty())
    for (User *U : Work.pop_back_val()->users())
      if (auto *CE = dyn_cast<ConstantExpr>(U); CE && Seen.insert(CE).second) {
        if (isPercpuCastOp(*cast<Operator>(CE)))
          Casts.push_back(CE);
        else
          Work.push_back(CE);
      }
  for (ConstantExpr *Cast : Casts) {
    compat::convertUsersToInstructions(Cast);
    for (Use &U : make_early_inc_range(Cast->uses())) {
      auto *I = dyn_cast<Instruction>(U.getUser());
      if (!I)
        continue; // in a static initialiser: diagnoseUnsupportedGlobals
      if (auto *Phi = dyn_cast<PHINode>(I))
        I = Phi->getIncomingBlock(U)->getTerminator();
      Instruction *AsInst = Cast->getAsInstruction();
      compat::insertBefore(AsInst, I);
      AsInst->setDebugLoc(cast<Instruction>(U.getUser())->getDebugLoc());
      U.set(AsInst);
    }
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

/// llvm.global.annotations (__attribute__((annotate))) names each annotated
/// variable through a cast to an ordinary pointer. For a per-CPU variable
/// that is its template: the annotation is about the symbol, not a copy.
static void annotateTemplate(Module &M, GlobalVariable &GV,
                             GlobalVariable &Template) {
  GlobalVariable *Annotations = M.getGlobalVariable("llvm.global.annotations");
  auto *Entries = Annotations && Annotations->hasInitializer()
                      ? dyn_cast<ConstantArray>(Annotations->getInitializer())
                      : nullptr;
  if (!Entries)
    return;
  SmallVector<Constant *, 8> NewEntries;
  bool Changed = false;
  for (Value *V : Entries->operand_values()) {
    auto *Entry = cast<Constant>(V);
    auto *S = dyn_cast<ConstantStruct>(Entry);
    if (S && S->getNumOperands() &&
        S->getOperand(0)->stripPointerCasts() == &GV) {
      SmallVector<Constant *, 5> Fields;
      for (Value *F : S->operand_values())
        Fields.push_back(cast<Constant>(F));
      Fields[0] = ConstantExpr::getPointerCast(&Template, Fields[0]->getType());
      Entry = ConstantStruct::get(S->getType(), Fields);
      Changed = true;
    }
    NewEntries.push_back(Entry);
  }
  if (Changed)
    Annotations->setInitializer(
        ConstantArray::get(Entries->getType(), NewEntries));
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
    // -fcommon makes a zero-initialised definition a common symbol, which
    // cannot have a section; a weak definition merges across units the
    // same way.
    if (Template->hasCommonLinkage())
      Template->setLinkage(GlobalValue::WeakAnyLinkage);
    // x86 addresses only dso_local globals directly (%gs:var(%rip)); the
    // template always lives in the image that uses it. An undefined weak
    // declaration may resolve to address 0, which a PIE link can only
    // express through the GOT.
    Template->setDSOLocal(!Template->hasExternalWeakLinkage());

    if (is_contained(Used, GV))
      NewUsed.push_back(Template);
    if (is_contained(CompilerUsed, GV))
      NewCompilerUsed.push_back(Template);

    annotateTemplate(M, *GV, *Template);
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

/// Whether I calls the function <percpu.h> uses as the marker Name.
static bool callsMarker(const Instruction &I, StringRef Name) {
  auto *Call = dyn_cast<CallBase>(&I);
  Function *Callee = Call ? Call->getCalledFunction() : nullptr;
  return Callee && Callee->getName() == Name;
}

static bool isThisCpuPtrCall(const Instruction &I) {
  return callsMarker(I, PERCPU_THIS_CPU_PTR_FN);
}

static bool isCmpXchg128Call(const Instruction &I) {
  return callsMarker(I, PERCPU_CMPXCHG128_FN);
}

/// With exceptions on (C++, -fexceptions) a marker call can be an invoke;
/// the markers never throw, so it becomes a call followed by a branch.
static void callMarkersWithoutInvoke(Function &F) {
  SmallVector<InvokeInst *, 2> Invokes;
  for (Instruction &I : instructions(F))
    if (isa<InvokeInst>(I) && (isThisCpuPtrCall(I) || isCmpXchg128Call(I)))
      Invokes.push_back(cast<InvokeInst>(&I));
  for (InvokeInst *II : Invokes)
    changeToCall(II);
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
             !Call->doesNotAccessMemory() &&
             !isPointerOnlyIntrinsic(Call->getIntrinsicID())));
  return false;
}

static bool isPercpuCast(const Instruction &I) {
  if (isPercpuCastOp(cast<Operator>(I)))
    return true;
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
  // A sanitizer would redirect a segment memory intrinsic to the template;
  // on this CPU's plain address it checks the right memory.
  bool KeepSegment =
      (Inline ||
       (Length && Length->getZExtValue() <= MaxInlineSegmentMemOpBytes)) &&
      !isSanitized(*MI.getFunction());
  Value *Dst = memIntrinsicOperand(B, Target, MI.getRawDest(), KeepSegment);
  MaybeAlign DstAlign = MI.getDestAlign();
  Value *Len = MI.getLength();
  bool Volatile = MI.isVolatile();
  Value *Src = nullptr;
  MaybeAlign SrcAlign;
  if (auto *Transfer = dyn_cast<MemTransferInst>(&MI)) {
    Src = memIntrinsicOperand(B, Target, Transfer->getRawSource(), KeepSegment);
    SrcAlign = Transfer->getSourceAlign();
  }
  // The backend cannot call a library function on a segment address, so it
  // must expand the operation inline whatever its size heuristics say (they
  // refuse at -Os, in cold functions, for volatile copies): the .inline
  // forms demand it, and memmove, which has none, is moved here.
  auto InSegment = [](Value *P) {
    return P && P->getType()->getPointerAddressSpace() != 0;
  };
  bool OnSegment = Length && (InSegment(Dst) || InSegment(Src));
  Inline |= OnSegment;
  // The LTO link's MemCpyOpt would widen a segment memset with its
  // neighbours, inlined from other functions, into one the backend cannot
  // lower (and a memcpy from it into a memset); it leaves volatile ones
  // alone.
  if (OnSegment && isLTOPreLink(*MI.getModule()))
    Volatile = true;

  CallInst *New = nullptr;
  if (ID == Intrinsic::memset || ID == Intrinsic::memset_inline) {
    Value *Byte = MI.getArgOperand(1);
    New = Inline ? B.CreateMemSetInline(Dst, DstAlign, Byte, Len, Volatile)
                 : B.CreateMemSet(Dst, Byte, Len, DstAlign, Volatile);
  } else if (ID == Intrinsic::memmove && OnSegment) {
    emitShortMemMove(B, Dst, DstAlign, Src, SrcAlign, Length->getZExtValue(),
                     Volatile);
  } else if (ID == Intrinsic::memmove) {
    New = B.CreateMemMove(Dst, DstAlign, Src, SrcAlign, Len, Volatile);
  } else if (Inline) {
    New = B.CreateMemCpyInline(Dst, DstAlign, Src, SrcAlign, Len, Volatile);
  } else {
    New = B.CreateMemCpy(Dst, DstAlign, Src, SrcAlign, Len, Volatile);
  }
  if (New)
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
  Function *NewCallee = compat::getOrInsertIntrinsic(
      II.getModule(), II.getIntrinsicID(), OverloadTys);
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
  Diag.error(I,
             "an atomic operation on " + Twine(Bytes) + " bytes of " +
                 (Alignment.value() < Bytes ? "misaligned " : "") +
                 "per-CPU memory has no single instruction on this target",
             "use a naturally aligned 1, 2, 4 or 8-byte type");
  return false;
}

/// Puts I between percpu_preempt_disable() and percpu_preempt_enable().
static void guardPreemption(Instruction &I) {
  Module &M = *I.getModule();
  auto Hook = [&](const char *Name) {
    return M.getOrInsertFunction(Name, Type::getVoidTy(M.getContext()));
  };
  compat::insertCallBefore(Hook("percpu_preempt_disable"), I.getIterator());
  compat::insertCallBefore(Hook("percpu_preempt_enable"),
                           std::next(I.getIterator()));
  ++NumPreemptGuards;
}

/// Lowers one instruction that accesses per-CPU memory. Returns false when
/// it cannot, after reporting why.
static bool lowerAccess(Instruction &I, PercpuTarget &Target,
                        const DataLayout &DL, Diagnostics &Diag, bool InLoop) {
  if (!checkAtomicAccess(I, Target, DL, Diag))
    return false;
  bool Guard = Target.needsPreemptGuard(I);
  if (Instruction *Short = Target.lowerShortAccess(I, InLoop)) {
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
    Diag.error(I, InlineAsmProblem);
    return false;
  }
  Diag.error(I, "this operation on per-CPU memory cannot be lowered",
             "access the variable through this_cpu_ptr() instead");
  return false;
}

/// The type of a library function called with ordinary pointers where
/// clang had given it per-CPU ones.
static FunctionType *withOrdinaryPointers(FunctionType *FTy) {
  SmallVector<Type *, 4> Params;
  for (Type *Ty : FTy->params())
    Params.push_back(isPercpuPointerType(Ty)
                         ? PointerType::get(Ty->getContext(), 0)
                         : Ty);
  return FunctionType::get(FTy->getReturnType(), Params, FTy->isVarArg());
}

/// C library functions called on per-CPU memory (strlen(name), printf's
/// "%s" of a per-CPU array, __atomic_load of a large _Atomic) get an
/// ordinary pointer to this CPU's copy (PercpuLibCalls.h).
static void lowerLibraryCalls(Function &F, PercpuTarget &Target,
                              const LibraryCalls &Libs) {
  SmallVector<CallBase *, 8> Calls;
  for (Instruction &I : instructions(F))
    if (auto *Call = dyn_cast<CallBase>(&I); Call && Libs.isLibraryCall(*Call))
      Calls.push_back(Call);
  SmallVector<WeakTrackingVH, 4> MaybeDead;
  for (CallBase *Call : Calls) {
    IRBuilder<> B(Call);
    bool Changed = false;
    for (Use &Arg : Call->args()) {
      Value *P = Arg.get();
      if (Value *From = LibraryCalls::takesCastPointers(*Call)
                            ? stripCastFromPercpu(P)
                            : nullptr) {
        MaybeDead.push_back(P);
        P = From;
      }
      if (isPercpuPointer(P)) {
        Arg.set(Target.thisCpuPointer(B, P));
        Changed = true;
      }
    }
    if (!Changed)
      continue;
    Call->mutateFunctionType(withOrdinaryPointers(Call->getFunctionType()));
    ++NumLibraryCalls;
  }
  RecursivelyDeleteTriviallyDeadInstructionsPermissive(MaybeDead);
}

/// A library function clang declared with per-CPU parameters, declared
/// again with the ordinary ones its calls now pass.
static void redeclareLibraryFunctions(Module &M, const LibraryCalls &Libs) {
  SmallVector<Function *, 4> Retyped;
  for (Function &F : M)
    if (F.isDeclaration() && !F.isIntrinsic() &&
        any_of(F.getFunctionType()->params(), isPercpuPointerType) &&
        all_of(F.users(), [&](const User *U) {
          auto *Call = dyn_cast<CallBase>(U);
          return Call && Call->getCalledOperand() == &F &&
                 Libs.isLibraryCall(*Call);
        }))
      Retyped.push_back(&F);
  for (Function *Old : Retyped) {
    Function *New =
        Function::Create(withOrdinaryPointers(Old->getFunctionType()),
                         Old->getLinkage(), Old->getAddressSpace(), "", &M);
    New->copyAttributesFrom(Old);
    New->takeName(Old);
    Old->replaceAllUsesWith(New);
    Old->eraseFromParent();
  }
}

/// Plain loads and stores of one per-CPU address in a stretch of a block
/// without calls (v++, __this_cpu_inc) get one this_cpu_ptr, so the base
/// is read and the address computed once; they are then no longer per-CPU
/// accesses. The caller of a plain access has excluded preemption, and
/// the base changes only across a call. Returns the accesses left.
static SmallVector<Instruction *, 32>
shareThisCpuPointers(ArrayRef<Instruction *> Accesses, PercpuTarget &Target) {
  if (!Target.sharesThisCpuPointer())
    return SmallVector<Instruction *, 32>(Accesses.begin(), Accesses.end());
  auto IsPlain = [](const Instruction *I) {
    auto *Load = dyn_cast<LoadInst>(I);
    auto *Store = dyn_cast<StoreInst>(I);
    return (Load && !Load->isAtomic()) || (Store && !Store->isAtomic());
  };
  // Group the plain accesses by block, stretch and address, in order.
  SmallPtrSet<Instruction *, 16> Plain;
  for (Instruction *I : Accesses)
    if (IsPlain(I))
      Plain.insert(I);
  SmallPtrSet<Instruction *, 16> Shared;
  SmallPtrSet<BasicBlock *, 8> Done;
  for (Instruction *First : Accesses) {
    BasicBlock *BB = First->getParent();
    if (!Plain.count(First) || !Done.insert(BB).second)
      continue;
    SmallVector<SmallVector<Instruction *, 4>, 4> Groups;
    auto Flush = [&] {
      for (auto &Group : Groups)
        if (Group.size() > 1) {
          IRBuilder<> B(Group.front());
          Value *P = getLoadStorePointerOperand(Group.front());
          Value *Ptr = Target.thisCpuPointer(B, P);
          for (Instruction *I : Group) {
            I->setOperand(isa<LoadInst>(I)
                              ? LoadInst::getPointerOperandIndex()
                              : StoreInst::getPointerOperandIndex(),
                          Ptr);
            Shared.insert(I);
            ++NumSharedPointers;
          }
        }
      Groups.clear();
    };
    for (Instruction &I : *BB) {
      if (maySwitchCpu(I)) {
        Flush();
        continue;
      }
      if (!Plain.count(&I))
        continue;
      Value *P = getLoadStorePointerOperand(&I);
      auto It = find_if(Groups, [&](const SmallVector<Instruction *, 4> &G) {
        return getLoadStorePointerOperand(G.front()) == P;
      });
      if (It != Groups.end())
        It->push_back(&I);
      else
        Groups.push_back({&I});
    }
    Flush();
  }
  SmallVector<Instruction *, 32> Left;
  for (Instruction *I : Accesses)
    if (!Shared.count(I))
      Left.push_back(I);
  return Left;
}

/// Step 4 for one function.
static bool lowerFunction(Function &F, PercpuTarget &Target,
                          const LibraryCalls &Libs, Diagnostics &Diag) {
  callMarkersWithoutInvoke(F);
  expandAtomicLibcalls(F, Diag);
  lowerLibraryCalls(F, Target, Libs);
  SmallVector<Instruction *, 32> Accesses;
  SmallVector<CallInst *, 4> ThisCpuPtrs, CmpXchg128s;
  for (Instruction &I : instructions(F)) {
    if (isPercpuCast(I))
      Diag.error(I, CastProblem);
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
      Diag.error(*Call,
                 "this_cpu_cmpxchg128 is not available for this target's "
                 "calling convention",
                 "use this_cpu_cmpxchg on 8 bytes or less");
  }
  if (Accesses.empty() && ThisCpuPtrs.empty())
    return false;

  const DataLayout &DL = compat::getDataLayout(F);
  SmallVector<WeakTrackingVH, 16> MaybeDead;
  for (Instruction *I : Accesses)
    for (Value *Op : I->operands())
      if (isa<GetElementPtrInst>(Op))
        MaybeDead.push_back(Op);
  // Which accesses are in loops, before the lowering changes the CFG.
  DominatorTree DT(F);
  LoopInfo LI(DT);
  SmallPtrSet<Instruction *, 16> InLoop;
  for (Instruction *I : Accesses)
    if (LI.getLoopFor(I->getParent()))
      InLoop.insert(I);
  for (Instruction *I : shareThisCpuPointers(Accesses, Target))
    lowerAccess(*I, Target, DL, Diag, InLoop.count(I));
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
  if (Target.isSegment()) {
    reuseThisCpuOffsets(
        F, [&](const Instruction &I) { return Target.isThisCpuOffsetRead(I); });
    protectSegmentAccesses(F, Target.segmentAddrSpace());
  }
  return true;
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

/// The supported architectures come as ELF, Mach-O or COFF.
static StringRef objectFormatName(const Triple &TT) {
  switch (TT.getObjectFormat()) {
  case Triple::MachO:
    return "Mach-O";
  case Triple::COFF:
    return "COFF";
  default:
    return "a non-ELF object format";
  }
}

/// The base register: the architecture's default or the one requested.
static std::optional<StringRef> selectRegister(const ArchInfo &Info,
                                               const Triple &TT,
                                               StringRef Requested,
                                               Diagnostics &Diag) {
  if (Requested.empty())
    return Info.Registers.front();
  auto It = find(Info.Registers, Requested);
  if (It != Info.Registers.end())
    return *It;
  std::string Supported = "supported: " + PercpuTarget::registerNames(Info);
  Diag.error("PERCPU_REGISTER=" + Requested +
                 " is not a per-CPU base register on " +
                 Triple::getArchTypeName(TT.getArch()),
             Supported.c_str());
  return std::nullopt;
}

/// Makes the unit reference a symbol only a runtime built for the same
/// register and mode defines, so a mismatch fails at link time. The
/// reference is 32 bits PC-relative ("symbol - ."), as the shared-library
/// note's: it needs no dynamic relocation, so it is read-only data even in
/// a PIE, in PERCPU_RUNTIME_CHECK_SECTION, which a kernel's linker script
/// collects with the rest of .rodata (an absolute pointer would be
/// .data.rel.ro, an orphan under --orphan-handling=error).
static void requireMatchingRuntime(Module &M, const PercpuOptions &Opts) {
  LLVMContext &Ctx = M.getContext();
  std::string Config = Opts.SingleCpu ? "single_cpu" : Opts.Reg.str();
  Constant *Symbol = M.getOrInsertGlobal(PERCPU_RUNTIME_SYMBOL_PREFIX + Config,
                                         Type::getInt8Ty(Ctx));
  cast<GlobalVariable>(Symbol)->setDSOLocal(true);
  Type *I32 = Type::getInt32Ty(Ctx);
  Type *IntPtr = M.getDataLayout().getIntPtrType(Ctx);
  auto *Check = new GlobalVariable(M, I32, /*isConstant=*/true,
                                   GlobalValue::PrivateLinkage, nullptr,
                                   "__percpu_runtime_check");
  Constant *Distance = ConstantExpr::getSub(
      ConstantExpr::getPtrToInt(Symbol, IntPtr),
      ConstantExpr::getPtrToInt(Check, IntPtr));
  Check->setInitializer(ConstantExpr::getTrunc(Distance, I32));
  Check->setSection(PERCPU_RUNTIME_CHECK_SECTION);
  Check->setAlignment(Align(4));
  appendToUsed(M, {Check});
}

static std::optional<PercpuOptions> parseMode(StringRef Mode,
                                              Diagnostics &Diag) {
  PercpuOptions Opts;
  if (Mode == "single-cpu")
    Opts.SingleCpu = true;
  else if (Mode == "preempt-hooks")
    Opts.PreemptHooks = true;
  else if (!Mode.empty()) {
    Diag.error("unknown per-CPU mode '" + Mode + "'",
               "define PERCPU_SINGLE_CPU or PERCPU_PREEMPT_HOOKS, or neither");
    return std::nullopt;
  }
  return Opts;
}

/// The register the software shadow call stack moves on TT's arch, in this
/// LLVM, from include/percpu/abi.h's table; "" if none.
static StringRef shadowCallStackRegister(const Triple &TT) {
  StringRef Arch = Triple::getArchTypeName(TT.getArch());
#define PERCPU_SCS_ROW(A, Reg, Since)                                          \
  if (Arch == #A && LLVM_VERSION_MAJOR >= (Since))                             \
    return Reg;
  PERCPU_SHADOW_CALL_STACK_REGS(PERCPU_SCS_ROW)
#undef PERCPU_SCS_ROW
  return "";
}

/// A base register that the code generator also moves: the software shadow
/// call stack pushes each return address through it, so every per-CPU
/// access in a call it makes would reach a word past this CPU's copy, and
/// the push itself would write into per-CPU memory.
static void diagnoseBaseRegisterInUse(Module &M, const Triple &TT,
                                      const ArchInfo &Info, StringRef Reg,
                                      Diagnostics &Diag) {
  StringRef Moved = shadowCallStackRegister(TT);
  if (Moved.empty() || Reg != Moved || none_of(M, [](const Function &F) {
        return compat::hasSoftwareShadowCallStack(F);
      }))
    return;
  std::string What = ("-fsanitize=shadow-call-stack keeps the shadow stack "
                      "pointer in " +
                      Reg + ", the per-CPU base register")
                         .str();
  std::string Advice = "build without the shadow call stack";
  // The table names only archs with another register to advise.
  if (const StringRef *Other = find_if(
          Info.Registers, [&](StringRef R) { return R != Moved; });
      Other != Info.Registers.end())
    Advice = ("make " + *Other + " the base register (-DPERCPU_REGISTER=" +
              *Other + ", percpu-cc --percpu-reg=" + *Other + "), or " +
              Advice)
                 .str();
  Diag.error(What, Advice.c_str());
}

/// The register F's thread-local accesses read the thread pointer from:
/// the arch's, unless AArch64's -mtp= picked another system register (a
/// "+tpidr-elN" or "+tpidrro-el0" target feature).
static StringRef threadPointerOf(const Function &F, const ArchInfo &Info) {
  if (Info.ThreadPointer != "tpidr_el0")
    return Info.ThreadPointer;
  StringRef Features =
      F.getFnAttribute("target-features").getValueAsString();
  SmallVector<StringRef, 32> List;
  Features.split(List, ',');
  static const std::pair<StringRef, StringRef> Picked[] = {
      {"+tpidr-el1", "tpidr_el1"},
      {"+tpidr-el2", "tpidr_el2"},
      {"+tpidr-el3", "tpidr_el3"},
      {"+tpidrro-el0", "tpidrro_el0"}};
  for (const auto &[Feature, Reg] : Picked)
    if (is_contained(List, Feature))
      return Reg;
  return Info.ThreadPointer;
}

/// A base register that is also the target's thread pointer: every
/// thread-local access computes its address from it, so it would read and
/// write this CPU's per-CPU memory instead of the thread's TLS block.
/// -femulated-tls leaves the same IR, and its runtime finds the thread's
/// data through the libc's thread pointer too, so it is rejected alike.
/// The thread pointer is the functions' (AArch64 -mtp=); a unit without
/// functions is taken to use the arch's.
static void diagnoseThreadLocalsWithBase(Module &M, const ArchInfo &Info,
                                         StringRef Reg, Diagnostics &Diag) {
  bool AnyFunction = false, Clash = false, ByOption = false;
  for (const Function &F : M) {
    if (F.isDeclaration())
      continue;
    AnyFunction = true;
    StringRef ThreadPointer = threadPointerOf(F, Info);
    if (ThreadPointer == Reg) {
      Clash = true;
      ByOption |= ThreadPointer != Info.ThreadPointer;
    }
  }
  if (!AnyFunction)
    Clash = !Info.ThreadPointer.empty() && Reg == Info.ThreadPointer;
  if (!Clash)
    return;
  // Advise a register the unit's thread pointer is not.
  StringRef Other = Info.Registers.front();
  if (Other == Reg)
    Other = *find_if(Info.Registers, [&](StringRef R) { return R != Reg; });
  std::string What = ("a thread-local variable's address is computed from " +
                      Reg + ", the per-CPU base register")
                         .str();
  std::string Advice =
      ("make " + Other + " the base register (-DPERCPU_REGISTER=" + Other +
       ", percpu-cc --percpu-reg=" + Other + "), " +
       (ByOption ? "compile with another -mtp=, " : "") +
       "or drop _Thread_local/__thread (thread_local in C++)")
          .str();
  for (GlobalVariable &GV : M.globals())
    if (GV.isThreadLocal() && GV.getAddressSpace() != PERCPU_ADDRESS_SPACE &&
        (!GV.isDeclaration() || !GV.use_empty()))
      Diag.error(GV, What, Advice.c_str());
}

/// The unit's register and mode, from what <percpu.h> left (the arch's
/// default register when it named none); nullopt after an error.
static std::optional<PercpuOptions>
configure(const ArchInfo &Info, const Triple &TT, StringRef RequestedReg,
          StringRef Mode, Diagnostics &Diag) {
  std::optional<StringRef> Reg = selectRegister(Info, TT, RequestedReg, Diag);
  std::optional<PercpuOptions> Opts = parseMode(Mode, Diag);
  if (!Reg || !Opts)
    return std::nullopt;
  Opts->Reg = *Reg;
  return Opts;
}

/// What else in the unit must keep off the base register (nothing in
/// single-CPU mode, which has none).
static void diagnoseBaseRegisterRules(Module &M, const Triple &TT,
                                      const ArchInfo &Info,
                                      const PercpuOptions &Opts,
                                      Diagnostics &Diag) {
  if (Opts.SingleCpu)
    return;
  diagnoseBaseRegisterInUse(M, TT, Info, Opts.Reg, Diag);
  diagnoseThreadLocalsWithBase(M, Info, Opts.Reg, Diag);
}

/// The base register is the whole program's: a unit that includes
/// <percpu.h> (so its configuration is known) but has no per-CPU data must
/// keep off the register too, or it clobbers, or reads through, every CPU's
/// base behind the back of the units that use it. Where the model does not
/// apply (another target, another object format), there is nothing to
/// check.
static void checkBaseRegisterWithoutPercpu(Module &M, StringRef RequestedReg,
                                           StringRef Mode) {
  Triple TT(M.getTargetTriple());
  const ArchInfo *Info = PercpuTarget::lookup(TT);
  if (!Info || !TT.isOSBinFormatELF())
    return;
  Diagnostics Diag(M);
  if (std::optional<PercpuOptions> Opts =
          configure(*Info, TT, RequestedReg, Mode, Diag))
    diagnoseBaseRegisterRules(M, TT, *Info, *Opts, Diag);
}

PreservedAnalyses PercpuLoweringPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = removePluginGuard(M);
  std::string RequestedReg = takeConfigString(M, PERCPU_REGISTER_VAR);
  std::string Mode = takeConfigString(M, PERCPU_MODE_VAR);
  Changed |= !RequestedReg.empty() || !Mode.empty();
  SmallVector<GlobalVariable *, 16> Globals = collectPercpuGlobals(M);
  if (!usesPercpu(M, Globals)) {
    if (Changed)
      checkBaseRegisterWithoutPercpu(M, RequestedReg, Mode);
    return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
  }

  Diagnostics Diag(M);
  Triple TT(M.getTargetTriple());
  const ArchInfo *Info = PercpuTarget::lookup(TT);
  if (Info && !TT.isOSBinFormatELF()) {
    // The model needs ELF: __start_/__stop_ symbols for the template
    // section, and the backends' segment and register addressing.
    Diag.error("per-CPU variables are not supported on target '" + TT.str() +
               "': they need the ELF object format (Linux, BSD, bare "
               "metal), not " +
               objectFormatName(TT));
    return PreservedAnalyses::none();
  }
  if (!Info) {
    std::string Supported =
        "supported architectures: " + PercpuTarget::supportedArchNames();
    Diag.error("per-CPU variables are not supported on target '" + TT.str() +
                   "'",
               Supported.c_str());
    return PreservedAnalyses::none();
  }

  std::optional<PercpuOptions> Opts =
      configure(*Info, TT, RequestedReg, Mode, Diag);
  if (!Opts)
    return PreservedAnalyses::none();
  diagnoseBaseRegisterRules(M, TT, *Info, *Opts, Diag);
  requireMatchingRuntime(M, *Opts);
  markForExecutableOnly(M);

  exposeConstantCasts(Globals);
  diagnoseUnsupportedGlobals(M, Globals, Diag);
  SmallVector<GlobalVariable *, 16> Templates = moveToTemplates(M, Globals);
  emitAlignmentRecord(M, Templates);
  if (!Opts->SingleCpu && describeThisCpuCopies(Templates, *Info, Opts->Reg))
    referenceGdbExtension(M);

  PercpuTarget Target(M, *Info, *Opts);
  LibraryCalls Libs(M);
  for (Function &F : M)
    lowerFunction(F, Target, Libs, Diag);
  redeclareLibraryFunctions(M, Libs);
  for (const char *Name : {PERCPU_THIS_CPU_PTR_FN, PERCPU_CMPXCHG128_FN})
    if (Function *Marker = M.getFunction(Name))
      if (Marker->use_empty())
        Marker->eraseFromParent();

  // Step 5.
  checkOnlyPointerMovesLeft(M, Libs, Diag);
  return PreservedAnalyses::none();
}
