//===-- PercpuCheck.cpp - Nothing but pointer moves left ------------------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// An allowlist: each use of a per-CPU pointer is checked against the uses
// known to keep its meaning, and everything else is an error. Allowed:
//
//   use                                 why it is safe
//   ----------------------------------  --------------------------------------
//   getelementptr, phi, select, freeze,  they compute another per-CPU
//   bitcast within the space, vector     pointer, which is checked in turn
//   element moves, insertvalue
//   icmp, ptrtoint                       they read the pointer's value only
//                                        (ptrtoint is the uintptr_t round
//                                        trip, meant to reach the template)
//   store/cmpxchg/atomicrmw of the       the pointer is data; the memory
//   pointer as the stored value, ret     written is ordinary (not a stack
//                                        slot read back as an ordinary
//                                        pointer: a cast through memory)
//   a call argument whose parameter      the callee takes a per-CPU pointer
//   type is per-CPU (not variadic, not   and lowers its own accesses
//   byval/inalloca/preallocated, not a
//   library function, not an operand
//   bundle)
//   a direct call whose type agrees      the callee (through aliases) reads
//   with the callee's on every per-CPU   per-CPU pointers where the caller
//   parameter and result                 gives them, and only there
//   intrinsics that do not touch memory  launder/strip.invariant.group,
//                                        ptrmask, objectsize, ...
//   constants: getelementptr, ptrtoint,  as above, in static initialisers
//   aggregates, global initialisers,     and aliases
//   aliasees
//
// Anything else, a dereference the lowering left behind included, is
// reported at the instruction (or the first instruction using a constant).
// A per-CPU pointer has a template address for its value, so none may come
// from a stack slot (an alloca in the per-CPU space).
//
//===----------------------------------------------------------------------===//

#include "PercpuCheck.h"
#include "LLVMCompat.h"
#include "PercpuDiagnostics.h"
#include "PercpuLibCalls.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

#include "percpu/abi.h"

using namespace llvm;

namespace percpu {

static bool isPercpuType(Type *Ty) {
  Ty = Ty->getScalarType();
  return Ty->isPointerTy() && Ty->getPointerAddressSpace() == PERCPU_ADDRESS_SPACE;
}

static const Problem LeftUnlowered = {
    "percpu-llvm internal error: an access to per-CPU memory was left "
    "unlowered",
    "please report it"};
static const Problem UnknownConstant = {
    "a per-CPU pointer is used in a constant the pass does not know; it "
    "could reach the template, not this CPU's copy",
    "please report it"};
static const Problem UnknownConstantExpr = {
    "a per-CPU pointer is used in a constant expression the pass does not "
    "know; it could reach the template, not this CPU's copy",
    "please report it"};
static const Problem UnknownOperation = {
    "a per-CPU pointer reaches an operation the pass does not know; it could "
    "reach the template, not this CPU's copy",
    "use this_cpu_ptr() to work on this CPU's copy (and please report it)"};
static const Problem InBundle = {
    "a per-CPU pointer in an operand bundle is not supported: the bundle's "
    "user would see the template, not this CPU's copy",
    nullptr};
static const Problem CallThrough = {
    "a call through a per-CPU pointer is not supported", nullptr};
static const Problem ByValue = {
    "a per-CPU object passed by value would be copied from the template, not "
    "this CPU's copy",
    "pass this_cpu_read(v) or *this_cpu_ptr(&v)"};
static const Problem StackSlot = {
    "a stack slot cannot be per-CPU: a per-CPU pointer's value is a "
    "template address",
    "define the variable with DEFINE_PER_CPU"};
static const Problem Variadic = {
    "a per-CPU pointer passed as a variadic argument would be read as an "
    "ordinary pointer to the template",
    "pass this_cpu_ptr(p) for this CPU's copy, or (uintptr_t)p for the "
    "pointer's value"};

bool isPointerOnlyIntrinsic(Intrinsic::ID ID) {
  switch (ID) {
  case Intrinsic::launder_invariant_group:
  case Intrinsic::strip_invariant_group:
  case Intrinsic::ptrmask:
  case Intrinsic::ptr_annotation:
  case Intrinsic::objectsize:
  case Intrinsic::is_constant:
  case Intrinsic::ssa_copy:
    return true;
  default:
    return compat::isFakeUse(ID);
  }
}

/// Whether Ty is or holds (in a vector, struct or array) a per-CPU pointer.
static bool holdsPercpu(Type *Ty) {
  if (isPercpuType(Ty))
    return true;
  return any_of(Ty->subtypes(), holdsPercpu);
}

/// Whether two types of one call position disagree about per-CPU pointers.
static bool mixesPercpu(Type *Declared, Type *Called) {
  return Declared != Called && (holdsPercpu(Declared) || holdsPercpu(Called));
}

/// The type of a direct call's callee as it was defined (through aliases
/// to the function), or null for an indirect call. Clang types a call
/// after its arguments when the callee has no prototype (void f(); f(&v);).
static FunctionType *calleeType(const CallBase &Call) {
  auto *Callee = dyn_cast<GlobalValue>(
      Call.getCalledOperand()->stripPointerCastsAndAliases());
  return Callee ? dyn_cast<FunctionType>(Callee->getValueType()) : nullptr;
}

/// Whether Store puts a per-CPU pointer in a stack slot that is read back
/// as an ordinary pointer: a cast through memory, which reaches the
/// template. Clang converts the value of memset, memmove and memcpy on
/// per-CPU memory (their per-CPU destination) to void * so when a function
/// returns it; elsewhere it writes a cast, reported as one.
static bool isReadBackAsOrdinaryPointer(const StoreInst &Store) {
  auto *Slot = dyn_cast<AllocaInst>(Store.getPointerOperand());
  Type *Ty = Store.getValueOperand()->getType();
  if (!Slot || !Ty->isPointerTy() || !isPercpuType(Ty))
    return false;
  return any_of(Slot->users(), [](const User *U) {
    auto *Load = dyn_cast<LoadInst>(U);
    return Load && Load->getType()->isPointerTy() &&
           !isPercpuType(Load->getType());
  });
}

namespace {

class Checker {
public:
  Checker(const LibraryCalls &Libs, Diagnostics &Diag)
      : Libs(Libs), Diag(Diag) {}

  void checkInstructionUse(const Instruction &I, const Use &U) {
    if (Diag.reported(I))
      return;
    if (const Problem *Why = whyNotAllowed(I, U))
      Diag.error(I, *Why);
  }

  /// A direct call whose type puts a per-CPU pointer where the callee has
  /// an ordinary one, or the reverse, in a parameter or the result: one
  /// side would read the template, or take an ordinary address as per-CPU.
  /// (A per-CPU argument passed where the callee has none is
  /// whyNotAllowedInCall's.) Library calls were retyped by the lowering.
  void checkCallType(const CallBase &Call) {
    FunctionType *Declared = calleeType(Call);
    FunctionType *Called = Call.getFunctionType();
    if (!Declared || Declared == Called || Diag.reported(Call) ||
        isa<IntrinsicInst>(Call) || Libs.isLibraryCall(Call))
      return;
    bool Mismatch =
        mixesPercpu(Declared->getReturnType(), Called->getReturnType());
    unsigned Common = std::min(Declared->getNumParams(), Called->getNumParams());
    for (unsigned I = 0; I < Common && !Mismatch; ++I)
      Mismatch = mixesPercpu(Declared->getParamType(I), Called->getParamType(I));
    if (Mismatch)
      Diag.error(Call, CastProblem);
  }

  /// Checks the per-CPU operands of C and of the constants inside it;
  /// errors go to Anchor (the instruction or global that holds C).
  void checkConstant(const Constant &C, const Value &Anchor) {
    if (isa<GlobalValue>(C) || !Visited.insert(&C).second)
      return;
    for (const Use &Op : C.operands()) {
      auto *OpC = cast<Constant>(Op.get());
      if (isPercpuType(OpC->getType()) && !Diag.reported(Anchor))
        if (const Problem *Why = whyNotAllowed(C, Op.getOperandNo()))
          Diag.error(Anchor, *Why);
      checkConstant(*OpC, Anchor);
    }
  }

private:
  static const Problem *whyNotAllowed(const Constant &C, unsigned OpNo) {
    if (isa<ConstantAggregate>(C))
      return nullptr;
    auto *CE = dyn_cast<ConstantExpr>(&C);
    if (!CE)
      return &UnknownConstant;
    switch (CE->getOpcode()) {
    case Instruction::GetElementPtr:
      return OpNo == 0 ? nullptr : &CastProblem;
    case Instruction::PtrToInt:
    case Instruction::ICmp:
      return nullptr;
    case Instruction::BitCast:
      return isPercpuType(CE->getType()) ? nullptr : &CastProblem;
    case Instruction::AddrSpaceCast:
      return &CastProblem;
    default:
      return &UnknownConstantExpr;
    }
  }

  const Problem *whyNotAllowed(const Instruction &I, const Use &U) const {
    unsigned OpNo = U.getOperandNo();
    switch (I.getOpcode()) {
    case Instruction::GetElementPtr:
      return OpNo == 0 ? nullptr : &CastProblem;
    case Instruction::PHI:
    case Instruction::Select:
    case Instruction::Freeze:
    case Instruction::ICmp:
    case Instruction::PtrToInt:
    case Instruction::Ret:
    case Instruction::ExtractElement:
    case Instruction::InsertElement:
    case Instruction::ShuffleVector:
    case Instruction::InsertValue:
      return nullptr;
    case Instruction::BitCast:
      return isPercpuType(I.getType()) ? nullptr : &CastProblem;
    case Instruction::AddrSpaceCast:
      return &CastProblem;
    case Instruction::Store:
      return OpNo == 0 ? nullptr : &LeftUnlowered;
    case Instruction::AtomicCmpXchg:
    case Instruction::AtomicRMW:
      return OpNo != 0 ? nullptr : &LeftUnlowered;
    case Instruction::Load:
      return &LeftUnlowered;
    case Instruction::Call:
    case Instruction::Invoke:
    case Instruction::CallBr:
      return whyNotAllowedInCall(cast<CallBase>(I), OpNo);
    default:
      return &UnknownOperation;
    }
  }

  const Problem *whyNotAllowedInCall(const CallBase &Call,
                                     unsigned OpNo) const {
    if (Call.isBundleOperand(OpNo))
      return &InBundle;
    if (Call.isCallee(&Call.getOperandUse(OpNo)))
      return &CallThrough;
    if (Call.isInlineAsm())
      return &InlineAsmProblem;
    if (auto *II = dyn_cast<IntrinsicInst>(&Call))
      return isPointerOnlyIntrinsic(II->getIntrinsicID()) ? nullptr
                                                          : &LeftUnlowered;
    if (Libs.isLibraryCall(Call))
      return &LeftUnlowered;
    unsigned ArgNo = Call.getArgOperandNo(&Call.getOperandUse(OpNo));
    if (Call.isByValArgument(ArgNo) || Call.isInAllocaArgument(ArgNo) ||
        Call.paramHasAttr(ArgNo, Attribute::Preallocated) ||
        Call.paramHasAttr(ArgNo, Attribute::ByRef))
      return &ByValue;
    // A direct call is judged by the callee's definition.
    FunctionType *FTy = calleeType(Call);
    if (!FTy)
      FTy = Call.getFunctionType();
    if (ArgNo >= FTy->getNumParams())
      return &Variadic;
    if (!isPercpuType(FTy->getParamType(ArgNo)))
      return &CastProblem;
    return nullptr;
  }

  const LibraryCalls &Libs;
  Diagnostics &Diag;
  SmallPtrSet<const Constant *, 32> Visited;
};

} // namespace

void checkOnlyPointerMovesLeft(Module &M, const LibraryCalls &Libs,
                               Diagnostics &Diag) {
  Checker Check(Libs, Diag);
  for (GlobalVariable &GV : M.globals()) {
    if (GV.getAddressSpace() == PERCPU_ADDRESS_SPACE)
      Diag.error(GV,
                 "percpu-llvm internal error: a per-CPU variable was left "
                 "outside the template",
                 "please report it");
    if (GV.hasInitializer())
      Check.checkConstant(*GV.getInitializer(), GV);
  }
  // An alias is a symbol other units use as an ordinary variable: of a
  // per-CPU variable, or a cast of one, it would be the template.
  for (GlobalAlias &GA : M.aliases())
    if (isPercpuType(GA.getAliasee()->getType()))
      Diag.error(GA, AliasProblem.What, AliasProblem.Advice);
    else
      Check.checkConstant(*GA.getAliasee(), GA);
  for (Function &F : M)
    for (Instruction &I : instructions(F)) {
      if (isa<AllocaInst>(I) && isPercpuType(I.getType()))
        Diag.error(I, StackSlot);
      for (const Use &U : I.operands()) {
        if (isPercpuType(U->getType()))
          Check.checkInstructionUse(I, U);
        if (auto *C = dyn_cast<Constant>(U.get()))
          Check.checkConstant(*C, I);
      }
      if (auto *Call = dyn_cast<CallBase>(&I))
        Check.checkCallType(*Call);
      if (auto *Store = dyn_cast<StoreInst>(&I);
          Store && !Diag.reported(I) && isReadBackAsOrdinaryPointer(*Store))
        Diag.error(I, CastProblem);
    }
}

} // namespace percpu
