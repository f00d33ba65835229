//===-- PercpuTarget.cpp - Per-architecture per-CPU addressing ------------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The architecture table and the two addressing strategies described in
// PercpuTarget.h.
//
// x86_64 read-modify-writes: LLVM lowers every atomicrmw and cmpxchg with a
// LOCK prefix, even at syncscope("singlethread"). Per-CPU data needs only
// indivisibility against interrupts on the same CPU, which one instruction
// already gives, so the Segment strategy emits the instruction itself as
// inline asm, as Linux's this_cpu_* do. The asm's memory operand is the
// template address in address space 0 with "%gs:" written in the template:
// an "m" operand in address space 256 would lose the prefix (llvm#187893).
//
//===----------------------------------------------------------------------===//

#include "PercpuTarget.h"
#include "LLVMCompat.h"
#include "SegmentAccess.h"
#include "ThisCpuOffsetReuse.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/Transforms/Utils/LowerAtomic.h"

#include <iterator>

#include "percpu/abi.h"

using namespace llvm;

namespace percpu {

// <arch>Regs: the registers of include/percpu/abi.h's table.
#define PERCPU_REGISTER_ARRAY(Arch, Why, ...)                                  \
  static constexpr StringRef Arch##Regs[] = {__VA_ARGS__};
PERCPU_ARCHES(PERCPU_REGISTER_ARRAY)
#undef PERCPU_REGISTER_ARRAY

// The DWARF numbers of those registers, in the same order: x86_64 gs.base
// (psABI), AArch64 TPIDR_EL1, TPIDR_EL2, TPIDR_EL0 (AADWARF64), RISC-V gp
// and tp (x3, x4), LoongArch $r21.
static constexpr unsigned x86_64Dwarf[] = {59};
static constexpr unsigned aarch64Dwarf[] = {37, 38, 36};
static constexpr unsigned riscvDwarf[] = {3, 4};
static constexpr unsigned loongarch64Dwarf[] = {21};
// gdb 13 maps neither gs.base nor the TPIDRs to a register. The marks make
// the address non-canonical: bit 62 on x86_64 (with 4- or 5-level paging),
// bit 55 on AArch64 (the TTBR0/TTBR1 select bit, which top-byte-ignore
// keeps).
static constexpr uint64_t X86_64DebugMark = uint64_t(1) << 62;
static constexpr uint64_t AArch64DebugMark = uint64_t(1) << 55;
static_assert(std::size(x86_64Dwarf) == std::size(x86_64Regs) &&
                  std::size(aarch64Dwarf) == std::size(aarch64Regs) &&
                  std::size(riscvDwarf) == std::size(riscv64Regs) &&
                  std::size(riscvDwarf) == std::size(riscv32Regs) &&
                  std::size(loongarch64Dwarf) == std::size(loongarch64Regs),
              "one DWARF number per register of include/percpu/abi.h");

// No linker relaxation: lld would delete the lui of a symbol below 2 KiB
// (a template linked at address 0) and rebase the access on x0, dropping
// the add of the base register.
static constexpr ShortAccessForm RISCV64Short = {
    ".option push\n\t.option norelax",
    ".option pop",
    "lui {T}, %hi({S})",
    ".Lpercpu_pcrel${:uid}: auipc {T}, %pcrel_hi({S})",
    "%lo({S})",
    "%pcrel_lo(.Lpercpu_pcrel${:uid})",
    "add {T}, {T}, {R}",
    "{OP} {T}, {L}({T})",
    "{OP} {V}, {L}({T})",
    {"lbu", "lhu", "lwu", "ld"},
    {"sb", "sh", "sw", "sd"},
    /*PreemptSafe=*/false};
static constexpr ShortAccessForm RISCV32Short = {
    RISCV64Short.Prologue,     RISCV64Short.Epilogue,
    RISCV64Short.HighAbsolute, RISCV64Short.HighPCRel,
    RISCV64Short.LowAbsolute,  RISCV64Short.LowPCRel,
    RISCV64Short.AddBase,      RISCV64Short.Load,
    RISCV64Short.Store,        {"lbu", "lhu", "lw", nullptr},
    {"sb", "sh", "sw", nullptr},
    /*PreemptSafe=*/false};
// LoongArch indexes the access by the base register ($r21 + address, as
// Linux does), so preemption between the address and the access cannot
// pick another CPU's copy, and the address part (pcalau12i; addi.d) is
// LLVM's own: shared between accesses and hoisted out of loops.
static constexpr IndexedAccessForm LoongArch64Indexed = {
    "{OP} {T}, {R}, {A}",
    "{OP} {V}, {R}, {A}",
    {"ldx.bu", "ldx.hu", "ldx.wu", "ldx.d"},
    {"stx.b", "stx.h", "stx.w", "stx.d"}};

// stadd and friends: ldadd into the zero register, without a result.
static constexpr RelaxedRMWForm AArch64RelaxedRMW = {
    "+lse",
    "{OP} {V}, [{A}]",
    nullptr, // ldadd with a result is already what the backend emits
    "stadd",
    "stset",
    "steor",
    "stclr",
    nullptr, // swp has no store form
    /*AndClears=*/true,
    {"b", "h", "", ""},
    {"w", "w", "w", "x"}};
// The AMOs without _db (no barrier), word and doubleword only: the byte
// and halfword ones need LAM-BH. The result register must differ from
// the operands, hence the early clobber in relaxedRMW.
static constexpr RelaxedRMWForm LoongArch64RelaxedRMW = {
    nullptr,
    "{OP} $$zero, {V}, {A}",
    "{OP} {T}, {V}, {A}",
    "amadd",
    "amor",
    "amxor",
    "amand",
    "amswap",
    /*AndClears=*/false,
    {nullptr, nullptr, ".w", ".d"},
    {"", "", "", ""}};

// x86 address space 256 is the GS segment.
static constexpr unsigned X86GSAddrSpace = 256;

static const ArchInfo ArchTable[] = {
    {Triple::x86_64, Strategy::Segment, X86GSAddrSpace, x86_64Regs, "",
     x86_64Dwarf, X86_64DebugMark, nullptr, nullptr, nullptr, nullptr, ""},
    {Triple::aarch64, Strategy::BaseReg, 0, aarch64Regs, "", aarch64Dwarf,
     AArch64DebugMark, nullptr, nullptr, nullptr, &AArch64RelaxedRMW,
     "tpidr_el0"},
    {Triple::riscv64, Strategy::BaseReg, 0, riscv64Regs, "", riscvDwarf, 0,
     &RISCV64Short, "add {T}, {A}, {R}", nullptr, nullptr, "tp"},
    {Triple::riscv32, Strategy::BaseReg, 0, riscv32Regs, "", riscvDwarf, 0,
     &RISCV32Short, "add {T}, {A}, {R}", nullptr, nullptr, "tp"},
    {Triple::loongarch64, Strategy::BaseReg, 0, loongarch64Regs, "$",
     loongarch64Dwarf, 0, nullptr, "add.d {T}, {R}, {A}", &LoongArch64Indexed,
     &LoongArch64RelaxedRMW, ""},
};

const ArchInfo *PercpuTarget::lookup(const Triple &TT) {
  for (const ArchInfo &Info : ArchTable)
    if (Info.Arch == TT.getArch())
      return &Info;
  return nullptr;
}

std::string PercpuTarget::supportedArchNames() {
  std::string Names;
  for (const ArchInfo &Info : ArchTable) {
    if (!Names.empty())
      Names += ", ";
    Names += Triple::getArchTypeName(Info.Arch);
  }
  return Names;
}

std::string PercpuTarget::registerNames(const ArchInfo &Info) {
  std::string Names;
  for (StringRef Reg : Info.Registers) {
    if (!Names.empty())
      Names += ", ";
    Names += Reg;
  }
  return Names;
}

unsigned PercpuTarget::dwarfRegister(const ArchInfo &Info, StringRef Reg) {
  size_t Index = find(Info.Registers, Reg) - Info.Registers.begin();
  return Info.DwarfRegisters[Index];
}

PercpuTarget::PercpuTarget(Module &M, const ArchInfo &Info,
                           const PercpuOptions &Opts)
    : M(M), Info(Info), Opts(Opts), Reg(Opts.Reg) {}

bool PercpuTarget::needsPreemptGuard(const Instruction &I) const {
  if (!Opts.PreemptHooks || Opts.SingleCpu || Info.Kind == Strategy::Segment)
    return false;
  if (auto *Load = dyn_cast<LoadInst>(&I))
    return Load->isAtomic();
  if (auto *Store = dyn_cast<StoreInst>(&I))
    return Store->isAtomic();
  return isa<AtomicRMWInst>(I) || isa<AtomicCmpXchgInst>(I);
}

static std::string expand(StringRef Text,
                          ArrayRef<std::pair<StringRef, std::string>> Fields) {
  std::string Out = Text.str();
  for (auto &[Key, Value] : Fields)
    for (size_t At; (At = Out.find(Key.str())) != std::string::npos;)
      Out.replace(At, Key.size(), Value);
  return Out;
}

/// The base register as inline asm text ("$" escaped for LoongArch's $r21).
static std::string asmRegister(const ArchInfo &Info, StringRef Reg) {
  return (Info.RegisterPrefix == "$" ? "$$" : "") + Reg.str();
}

Value *castPercpuPointer(IRBuilder<> &B, Value *P, unsigned ToAS) {
  Type *ToTy = PointerType::get(B.getContext(), ToAS);
  // The pass refers to a template as inttoptr(ptrtoint @template): hand the
  // backend the global itself (or in ToAS, the same integer).
  if (auto *CE = dyn_cast<ConstantExpr>(P))
    if (CE->getOpcode() == Instruction::IntToPtr)
      if (auto *Int = dyn_cast<ConstantExpr>(CE->getOperand(0)))
        if (Int->getOpcode() == Instruction::PtrToInt) {
          auto *Template = Int->getOperand(0);
          if (Template->getType()->getPointerAddressSpace() == ToAS)
            return Template;
          return ConstantExpr::getIntToPtr(Int, ToTy);
        }

  if (auto *GEP = dyn_cast<GEPOperator>(P)) {
    Value *Base = castPercpuPointer(B, GEP->getPointerOperand(), ToAS);
    SmallVector<Value *, 4> Indices(GEP->indices());
    return compat::createGEPLike(B, *GEP, Base, Indices);
  }

  // An integer round trip rather than an addrspacecast: the pass reports
  // casts out of per-CPU space as user errors, and must accept its own
  // output if it runs again.
  const DataLayout &DL = compat::getDataLayout(*B.GetInsertBlock());
  Type *IntTy = DL.getIntPtrType(P->getType());
  if (auto *VecTy = dyn_cast<VectorType>(P->getType()))
    ToTy = VectorType::get(ToTy, VecTy);
  return B.CreateIntToPtr(B.CreatePtrToInt(P, IntTy), ToTy);
}

Value *PercpuTarget::readBaseRegister(IRBuilder<> &B) {
  // The volatile form is never merged across calls: a thread may have moved
  // to another CPU in between.
  Type *IntPtrTy = M.getDataLayout().getIntPtrType(B.getContext());
  MDNode *RegName = MDNode::get(
      B.getContext(),
      MDString::get(B.getContext(), (Info.RegisterPrefix + Reg).str()));
  Function *ReadReg = compat::getOrInsertIntrinsic(
      &M, Intrinsic::read_volatile_register, {IntPtrTy});
  return B.CreateCall(ReadReg, {MetadataAsValue::get(B.getContext(), RegName)},
                      "percpu.base");
}

Value *PercpuTarget::thisCpuOffset(IRBuilder<> &B) {
  if (Info.Kind == Strategy::BaseReg)
    return readBaseRegister(B);

  // A segment base cannot be read cheaply (rdgsbase may be disabled), so the
  // runtime keeps each CPU's offset in a per-CPU variable, as Linux keeps
  // this_cpu_off. The template's copy is 0: right before initialisation.
  Type *IntPtrTy = M.getDataLayout().getIntPtrType(B.getContext());
  GlobalVariable *Self = M.getNamedGlobal(PERCPU_SELF_OFFSET_VAR);
  if (!Self) {
    Self = new GlobalVariable(M, IntPtrTy, /*isConstant=*/false,
                              GlobalValue::ExternalLinkage, nullptr,
                              PERCPU_SELF_OFFSET_VAR);
    Self->setDSOLocal(true);
  }
  Constant *InSegment = ConstantExpr::getIntToPtr(
      ConstantExpr::getPtrToInt(Self, IntPtrTy),
      PointerType::get(B.getContext(), Info.SegmentAddrSpace));
  return B.CreateLoad(IntPtrTy, InSegment, "percpu.offset");
}

bool PercpuTarget::isThisCpuOffsetRead(const Instruction &I) const {
  auto *Load = dyn_cast<LoadInst>(&I);
  if (!Load || Info.Kind != Strategy::Segment || Load->isVolatile())
    return false;
  // inttoptr (ptrtoint @__percpu_self_offset) in the segment's space.
  auto *CE = dyn_cast<ConstantExpr>(Load->getPointerOperand());
  auto *Int = CE && CE->getOpcode() == Instruction::IntToPtr
                  ? dyn_cast<ConstantExpr>(CE->getOperand(0))
                  : nullptr;
  auto *GV = Int && Int->getOpcode() == Instruction::PtrToInt
                 ? dyn_cast<GlobalVariable>(Int->getOperand(0))
                 : nullptr;
  return GV && GV->getName() == PERCPU_SELF_OFFSET_VAR;
}

Value *PercpuTarget::thisCpuAddress(IRBuilder<> &B, Value *P) {
  if (Opts.SingleCpu)
    return castPercpuPointer(B, P, 0);
  if (Info.Kind == Strategy::Segment)
    return castPercpuPointer(B, P, Info.SegmentAddrSpace);
  return thisCpuPointer(B, P);
}

Value *PercpuTarget::thisCpuPointer(IRBuilder<> &B, Value *P) {
  if (Opts.SingleCpu)
    return castPercpuPointer(B, P, 0);
  Value *Template = castPercpuPointer(B, P, 0);
  const DataLayout &DL = M.getDataLayout();
  // A vector of pointers (gathers, scatters) has a vector of addresses.
  Type *AddrTy = DL.getIntPtrType(Template->getType());
  if (Info.AddBaseAsm) {
    // Side effects keep the read of the register where it is.
    Type *IntPtrTy = DL.getIntPtrType(B.getContext());
    std::string Text = expand(Info.AddBaseAsm, {{"{T}", "$0"},
                                                {"{A}", "$1"},
                                                {"{R}", asmRegister(Info, Reg)}});
    auto *FTy = FunctionType::get(IntPtrTy, {IntPtrTy}, false);
    auto AddBase = [&](Value *Addr) {
      return B.CreateCall(InlineAsm::get(FTy, Text, "=r,r", true), {Addr},
                          "percpu.addr");
    };
    if (!AddrTy->isVectorTy())
      return B.CreateIntToPtr(AddBase(B.CreatePtrToInt(Template, AddrTy)),
                              B.getPtrTy(), "percpu.ptr");
    // The asm takes one register: read the base once (base + 0) and add
    // it to every lane.
    Value *Base = B.CreateIntToPtr(AddBase(ConstantInt::get(IntPtrTy, 0)),
                                   B.getPtrTy(), "percpu.base");
    return B.CreateGEP(B.getInt8Ty(), Base,
                       B.CreatePtrToInt(Template, AddrTy), "percpu.ptr");
  }
  Value *Offset = thisCpuOffset(B);
  if (Info.Kind == Strategy::BaseReg) {
    // base + template address: one register-register addressing mode.
    Value *Base = B.CreateIntToPtr(Offset, B.getPtrTy());
    return B.CreateGEP(B.getInt8Ty(), Base,
                       B.CreatePtrToInt(Template, AddrTy), "percpu.ptr");
  }
  return B.CreateGEP(B.getInt8Ty(), Template, Offset, "percpu.ptr");
}

//===----------------------------------------------------------------------===//
// RISC-V and LoongArch: three-instruction loads and stores
//===----------------------------------------------------------------------===//

/// The load or store mnemonic of Ops for an access of I's value, when one
/// instruction does it: an aligned register-sized-or-smaller integer or
/// pointer, relaxed at most.
static const char *singleAccessOp(const Instruction &I, const DataLayout &DL,
                                  const char *const (&LoadOps)[4],
                                  const char *const (&StoreOps)[4]) {
  auto *Load = dyn_cast<LoadInst>(&I);
  auto *Store = dyn_cast<StoreInst>(&I);
  if (!Load && !Store)
    return nullptr;
  Type *ValTy = Load ? Load->getType() : Store->getValueOperand()->getType();
  if (!ValTy->isIntegerTy() && !ValTy->isPointerTy())
    return nullptr;
  uint64_t Bytes = DL.getTypeStoreSize(ValTy);
  unsigned Log2 = Log2_64(Bytes);
  if (!isPowerOf2_64(Bytes) || Log2 > 3 ||
      DL.getTypeSizeInBits(ValTy) != Bytes * 8)
    return nullptr;
  const char *Op = Load ? LoadOps[Log2] : StoreOps[Log2];
  Align Alignment = Load ? Load->getAlign() : Store->getAlign();
  AtomicOrdering Ordering = Load ? Load->getOrdering() : Store->getOrdering();
  if (!Op || Alignment.value() < Bytes || isStrongerThanMonotonic(Ordering))
    return nullptr;
  return Op;
}

/// Replaces the load or store I with a call of the asm Text, which takes
/// and gives integers: a pointer value goes through ptrtoint/inttoptr. A
/// load's asm returns the value and takes Operands; a store's takes the
/// value, then Operands, and returns StoreResultTy. Side effects: the access
/// reads the base register, which a call may have changed, so it must not
/// move.
static CallInst *replaceWithAsm(IRBuilder<> &B, Instruction &I, Type *IntTy,
                                StringRef Text, StringRef Constraints,
                                ArrayRef<Value *> Operands,
                                Type *StoreResultTy) {
  auto *Load = dyn_cast<LoadInst>(&I);
  Type *ValTy =
      Load ? Load->getType() : cast<StoreInst>(I).getValueOperand()->getType();
  SmallVector<Value *, 3> Args;
  if (!Load) {
    Value *V = cast<StoreInst>(I).getValueOperand();
    Args.push_back(ValTy->isPointerTy() ? B.CreatePtrToInt(V, IntTy) : V);
  }
  Args.append(Operands.begin(), Operands.end());
  SmallVector<Type *, 3> ArgTypes;
  for (Value *A : Args)
    ArgTypes.push_back(A->getType());
  Type *ResultTy = !Load ? StoreResultTy
                   : ValTy->isPointerTy() ? IntTy
                                          : ValTy;
  auto *FTy = FunctionType::get(ResultTy, ArgTypes, false);
  CallInst *Asm =
      B.CreateCall(InlineAsm::get(FTy, Text, Constraints, true), Args);
  if (Load)
    Load->replaceAllUsesWith(
        ValTy->isPointerTy() ? B.CreateIntToPtr(Asm, ValTy) : Asm);
  I.eraseFromParent();
  return Asm;
}

Instruction *PercpuTarget::lowerIndexedAccess(Instruction &I) {
  const IndexedAccessForm *Form = Info.Indexed;
  const DataLayout &DL = M.getDataLayout();
  const char *Op = singleAccessOp(I, DL, Form->LoadOps, Form->StoreOps);
  if (!Op)
    return nullptr;
  auto *Load = dyn_cast<LoadInst>(&I);
  auto *Store = dyn_cast<StoreInst>(&I);
  IRBuilder<> B(&I);
  Type *IntTy = DL.getIntPtrType(B.getContext());
  Value *P = Load ? Load->getPointerOperand() : Store->getPointerOperand();
  Value *Addr = B.CreatePtrToInt(castPercpuPointer(B, P, 0), IntTy);
  // Load: $0 result, $1 address. Store: $0 value, $1 address.
  std::vector<std::pair<StringRef, std::string>> Fields = {
      {"{T}", "$0"},
      {"{V}", "$0"},
      {"{A}", "$1"},
      {"{R}", asmRegister(Info, Reg)},
      {"{OP}", Op}};
  return replaceWithAsm(B, I, IntTy,
                        expand(Load ? Form->Load : Form->Store, Fields),
                        Load ? "=r,r" : "r,r,~{memory}", {Addr},
                        B.getVoidTy());
}

Instruction *PercpuTarget::lowerShortAccess(Instruction &I, bool InLoop) {
  if (Opts.SingleCpu || (!isa<LoadInst>(I) && !isa<StoreInst>(I)))
    return nullptr;
  // Sanitizers check ordinary loads and stores of this CPU's copy; asm
  // would hide the access from them.
  if (Info.Indexed)
    return isSanitized(*I.getFunction()) ? nullptr : lowerIndexedAccess(I);
  const ShortAccessForm *Form = Info.Short;
  auto *Load = dyn_cast<LoadInst>(&I);
  auto *Store = dyn_cast<StoreInst>(&I);
  if (!Form || InLoop)
    return nullptr;

  const DataLayout &DL = M.getDataLayout();
  const char *Op = singleAccessOp(I, DL, Form->LoadOps, Form->StoreOps);
  if (!Op)
    return nullptr;

  // Only "template global + constant" has a symbol to split in two parts.
  IRBuilder<> B(&I);
  Value *P = Load ? Load->getPointerOperand() : Store->getPointerOperand();
  if (!isa<Constant>(P))
    return nullptr; // (and castPercpuPointer would leave instructions)
  auto *Symbol = dyn_cast<Constant>(castPercpuPointer(B, P, 0));
  if (!Symbol)
    return nullptr;
  APInt Offset(DL.getIndexTypeSizeInBits(Symbol->getType()), 0);
  // A symbol that may not be in this image (an undefined weak one) needs
  // the GOT, which the short form does not use.
  auto *GV = dyn_cast<GlobalVariable>(
      Symbol->stripAndAccumulateConstantOffsets(DL, Offset, true));
  if (!GV || !GV->isDSOLocal())
    return nullptr;

  std::optional<CodeModel::Model> CM = M.getCodeModel();
  bool PCRel = M.getPICLevel() != PICLevel::NotPIC ||
               M.getPIELevel() != PIELevel::Default ||
               (CM && *CM == CodeModel::Medium);
  // Load: $0 result and scratch, $1 symbol. Store: $0 scratch, $1 value,
  // $2 symbol.
  std::string Sym = Load ? "${1:c}" : "${2:c}";
  std::string Base = asmRegister(Info, Reg);
  std::string Low = expand(PCRel ? Form->LowPCRel : Form->LowAbsolute,
                           {{"{S}", Sym}});
  std::vector<std::pair<StringRef, std::string>> Fields = {
      {"{T}", "$0"}, {"{V}", "$1"}, {"{S}", Sym},
      {"{R}", Base}, {"{L}", Low},  {"{OP}", Op}};
  std::string Text =
      expand(PCRel ? Form->HighPCRel : Form->HighAbsolute, Fields) + "\n\t" +
      expand(Form->AddBase, Fields) + "\n\t" +
      expand(Load ? Form->Load : Form->Store, Fields);
  if (*Form->Prologue)
    Text = std::string(Form->Prologue) + "\n\t" + Text + "\n\t" +
           Form->Epilogue;

  // The store's result is the scratch register.
  Type *IntTy = DL.getIntPtrType(B.getContext());
  return replaceWithAsm(B, I, IntTy, Text,
                        Load ? "=r,i" : "=&r,r,i,~{memory}", {Symbol}, IntTy);
}

//===----------------------------------------------------------------------===//
// x86_64: read-modify-writes without LOCK
//===----------------------------------------------------------------------===//

static char x86SizeSuffix(unsigned Bits) {
  switch (Bits) {
  case 8:
    return 'b';
  case 16:
    return 'w';
  case 32:
    return 'l';
  default:
    return 'q';
  }
}

static bool isX86IntegerWidth(unsigned Bits) {
  return Bits == 8 || Bits == 16 || Bits == 32 || Bits == 64;
}

/// Calls an asm block whose "*m" operands (listed in MemArgs) all access a
/// value of type ElemTy.
static CallInst *callAsm(IRBuilder<> &B, Type *RetTy, ArrayRef<Value *> Args,
                         ArrayRef<unsigned> MemArgs, Type *ElemTy,
                         const std::string &Text, std::string Constraints,
                         AtomicOrdering Ordering) {
  Constraints += ",~{dirflag},~{fpsr},~{flags}";
  // Orderings above relaxed keep their compiler-barrier effect; the CPU
  // needs nothing more for data no other CPU writes.
  if (isStrongerThanMonotonic(Ordering))
    Constraints += ",~{memory}";
  SmallVector<Type *, 4> ArgTys;
  for (Value *A : Args)
    ArgTys.push_back(A->getType());
  auto *FTy = FunctionType::get(RetTy, ArgTys, /*isVarArg=*/false);
  auto *Asm = InlineAsm::get(FTy, Text, Constraints, /*hasSideEffects=*/true);
  CallInst *Call = B.CreateCall(Asm, Args);
  for (unsigned I : MemArgs)
    Call->addParamAttr(I, Attribute::get(B.getContext(), Attribute::ElementType,
                                         ElemTy));
  // The "m" operands are template addresses: MSan would mark the template's
  // shadow.
  keepFromSanitizers(*Call);
  tagPercpuAsm(*Call);
  return Call;
}

/// The integer type an x86 instruction operates on for a value of type Ty.
static IntegerType *x86OperandType(const DataLayout &DL, Type *Ty) {
  return IntegerType::get(Ty->getContext(),
                          DL.getTypeSizeInBits(Ty).getFixedValue());
}

static Value *toInteger(IRBuilder<> &B, Value *V, IntegerType *IntTy) {
  if (V->getType()->isPointerTy())
    return B.CreatePtrToInt(V, IntTy);
  return B.CreateBitCast(V, IntTy);
}

static Value *fromInteger(IRBuilder<> &B, Value *V, Type *Ty) {
  if (Ty->isPointerTy())
    return B.CreateIntToPtr(V, Ty);
  return B.CreateBitCast(V, Ty);
}

/// cmpxchg: RAX expected and old; ZF (a flag output) tells success, so a
/// retry loop needs no compare. Success may be null.
Value *PercpuTarget::segmentCmpXchg(IRBuilder<> &B, Value *Mem,
                                    Value *Expected, Value *New, bool Fence,
                                    Value **Success) {
  Type *IntTy = Expected->getType();
  std::string Text = std::string("cmpxchg") +
                     x86SizeSuffix(IntTy->getIntegerBitWidth()) + " $3, " +
                     segmentPrefix() + "$2";
  CallInst *Result = callAsm(
      B, StructType::get(B.getContext(), {IntTy, B.getInt8Ty()}),
      {Mem, New, Expected, Mem}, {0, 3}, IntTy, Text, "={ax},={@ccz},=*m,r,0,*m",
      Fence ? AtomicOrdering::SequentiallyConsistent
            : AtomicOrdering::Monotonic);
  if (Success)
    *Success = B.CreateICmpNE(B.CreateExtractValue(Result, 1), B.getInt8(0),
                              "percpu.cmpxchg.ok");
  return B.CreateExtractValue(Result, 0, "percpu.cmpxchg.old");
}

/// Whether anything reads the old value an atomicrmw returns. At -O0 clang
/// stores it into a temporary and loads it back for nothing; that does not
/// count. A store of the temporary's address does: another pointer may
/// read it.
static bool isOldValueUsed(const AtomicRMWInst &RMW) {
  for (const User *U : RMW.users()) {
    auto *Store = dyn_cast<StoreInst>(U);
    auto *Temp = Store ? dyn_cast<AllocaInst>(Store->getPointerOperand())
                       : nullptr;
    if (!Temp || Store->getValueOperand() != &RMW ||
        !all_of(Temp->users(), [Temp](const User *TU) {
          auto *Load = dyn_cast<LoadInst>(TU);
          auto *Into = dyn_cast<StoreInst>(TU);
          return (Into && Into->getValueOperand() != Temp) ||
                 isa<LifetimeIntrinsic>(TU) || (Load && Load->use_empty());
        }))
      return true;
  }
  return false;
}

/// cmpxchg16b: RDX:RAX expected and old, RCX:RBX new, ZF success.
Value *PercpuTarget::segmentCmpXchg16B(IRBuilder<> &B, Value *Mem,
                                       Value *Expected, Value *New, bool Fence,
                                       Value **Success) {
  Type *I64 = B.getInt64Ty(), *I128 = B.getInt128Ty();
  auto Lo = [&](Value *V) { return B.CreateTrunc(V, I64); };
  auto Hi = [&](Value *V) { return B.CreateTrunc(B.CreateLShr(V, 64), I64); };
  std::string Text = std::string("cmpxchg16b ") + segmentPrefix() + "$3";
  CallInst *Result = callAsm(
      B, StructType::get(B.getContext(), {I64, I64, B.getInt8Ty()}),
      {Mem, Lo(New), Hi(New), Lo(Expected), Hi(Expected), Mem}, {0, 5}, I128,
      Text, "={ax},={dx},={@ccz},=*m,{bx},{cx},0,1,*m",
      Fence ? AtomicOrdering::SequentiallyConsistent
            : AtomicOrdering::Monotonic);
  *Success = B.CreateICmpNE(B.CreateExtractValue(Result, 2), B.getInt8(0),
                            "percpu.cmpxchg.ok");
  Value *OldLo = B.CreateZExt(B.CreateExtractValue(Result, 0), I128);
  Value *OldHi = B.CreateZExt(B.CreateExtractValue(Result, 1), I128);
  return B.CreateOr(OldLo, B.CreateShl(OldHi, 64));
}

Value *PercpuTarget::segmentRMW(IRBuilder<> &B, AtomicRMWInst &RMW,
                                Value *Mem) {
  IntegerType *IntTy = cast<IntegerType>(RMW.getValOperand()->getType());
  char Suffix = x86SizeSuffix(IntTy->getBitWidth());
  AtomicRMWInst::BinOp Op = RMW.getOperation();
  Value *Val = RMW.getValOperand();
  AtomicOrdering Ordering = RMW.getOrdering();

  if (isOldValueUsed(RMW)) {
    // Only add and sub return the old value in one instruction: xadd.
    if (Op == AtomicRMWInst::Sub)
      Val = B.CreateNeg(Val);
    std::string Text =
        std::string("xadd") + Suffix + " $0, " + segmentPrefix() + "$1";
    return callAsm(B, IntTy, {Mem, Val, Mem}, {0, 2}, IntTy, Text,
                   "=r,=*m,0,*m", Ordering);
  }

  auto *C = dyn_cast<ConstantInt>(Val);
  bool PlusOne = C && ((Op == AtomicRMWInst::Add && C->isOne()) ||
                       (Op == AtomicRMWInst::Sub && C->isMinusOne()));
  bool MinusOne = C && ((Op == AtomicRMWInst::Add && C->isMinusOne()) ||
                        (Op == AtomicRMWInst::Sub && C->isOne()));
  if (PlusOne || MinusOne) {
    std::string Text =
        std::string(PlusOne ? "inc" : "dec") + Suffix + " " + segmentPrefix() + "$0";
    return callAsm(B, B.getVoidTy(), {Mem, Mem}, {0, 1}, IntTy, Text,
                   "=*m,*m", Ordering);
  }

  const char *Mnemonic = Op == AtomicRMWInst::Add   ? "add"
                         : Op == AtomicRMWInst::Sub ? "sub"
                         : Op == AtomicRMWInst::And ? "and"
                         : Op == AtomicRMWInst::Or  ? "or"
                                                    : "xor";
  // 64-bit instructions take only sign-extended 32-bit immediates ("e").
  std::string ValConstraint = IntTy->getBitWidth() == 64 ? "er" : "ir";
  std::string Text =
      std::string(Mnemonic) + Suffix + " $1, " + segmentPrefix() + "$0";
  return callAsm(B, B.getVoidTy(), {Mem, Val, Mem}, {0, 2}, IntTy, Text,
                 "=*m," + ValConstraint + ",*m", Ordering);
}

Value *PercpuTarget::segmentRMWLoop(IRBuilder<> &B, AtomicRMWInst &RMW,
                                    Value *Mem) {
  // Everything else (xchg included: XCHG with memory implies LOCK) is a
  // compare-and-exchange loop, as Linux does it.
  const DataLayout &DL = M.getDataLayout();
  Type *ValTy = RMW.getValOperand()->getType();
  IntegerType *IntTy = x86OperandType(DL, ValTy);
  Value *Addr = thisCpuAddress(B, RMW.getPointerOperand());

  BasicBlock *Entry = RMW.getParent();
  BasicBlock *Done = Entry->splitBasicBlock(RMW.getIterator(), "percpu.rmw.done");
  BasicBlock *Loop = BasicBlock::Create(B.getContext(), "percpu.rmw.loop",
                                        Entry->getParent(), Done);
  Entry->getTerminator()->eraseFromParent();

  B.SetInsertPoint(Entry);
  LoadInst *Initial = B.CreateLoad(IntTy, Addr, "percpu.rmw.initial");
  Initial->setAlignment(RMW.getAlign());
  B.CreateBr(Loop);

  B.SetInsertPoint(Loop);
  PHINode *OldInt = B.CreatePHI(IntTy, 2, "percpu.rmw.old");
  Value *Old = fromInteger(B, OldInt, ValTy);
  Value *New = buildAtomicRMWValue(RMW.getOperation(), B, Old,
                                   RMW.getValOperand());
  Value *Success;
  Value *Seen = segmentCmpXchg(B, Mem, OldInt, toInteger(B, New, IntTy),
                               isStrongerThanMonotonic(RMW.getOrdering()),
                               &Success);
  OldInt->addIncoming(Initial, Entry);
  OldInt->addIncoming(Seen, Loop);
  B.CreateCondBr(Success, Done, Loop);

  // On success the value seen is the old one; returning it rather than the
  // phi spares a register copy in the loop.
  B.SetInsertPoint(&RMW);
  return fromInteger(B, Seen, ValTy);
}

bool PercpuTarget::supportsAtomicAccess(uint64_t Bytes, Align Alignment) const {
  // The segment forms exist for the four x86 integer widths, aligned (a
  // misaligned atomic would become a libcall that drops the segment).
  return Info.Kind == Strategy::BaseReg ||
         (isX86IntegerWidth(Bytes * 8) && Alignment.value() >= Bytes);
}

static bool hasTargetFeature(const Function &F, StringRef Feature) {
  SmallVector<StringRef, 32> Features;
  F.getFnAttribute("target-features").getValueAsString().split(Features, ',');
  return is_contained(Features, Feature);
}

Value *PercpuTarget::relaxedRMW(IRBuilder<> &B, AtomicRMWInst &RMW,
                                Value *Addr) {
  const RelaxedRMWForm *Form = Info.RelaxedRMW;
  Function &F = *RMW.getFunction();
  // Stronger orderings are the backend's to honour; sanitizers check the
  // atomicrmw, and asm would hide the access from them.
  if (!Form || RMW.getOrdering() != AtomicOrdering::Monotonic ||
      isSanitized(F) || (Form->Feature && !hasTargetFeature(F, Form->Feature)))
    return nullptr;
  auto *IntTy = dyn_cast<IntegerType>(RMW.getValOperand()->getType());
  if (!IntTy || !isX86IntegerWidth(IntTy->getBitWidth()))
    return nullptr;
  // The AMOs fault on a misaligned address (a packed member); the backend
  // calls libatomic on this CPU's address instead.
  if (RMW.getAlign().value() < IntTy->getBitWidth() / 8)
    return nullptr;
  unsigned Log2 = Log2_32(IntTy->getBitWidth() / 8);
  bool Used = isOldValueUsed(RMW);
  const char *Text = Used ? Form->WithResult : Form->NoResult;
  Value *Val = RMW.getValOperand();
  const char *Mnemonic = nullptr;
  switch (RMW.getOperation()) {
  case AtomicRMWInst::Add:
  case AtomicRMWInst::Sub: // added negated, below
    Mnemonic = Form->Add;
    break;
  case AtomicRMWInst::Or:
    Mnemonic = Form->Or;
    break;
  case AtomicRMWInst::Xor:
    Mnemonic = Form->Xor;
    break;
  case AtomicRMWInst::And:
    Mnemonic = Form->And;
    break;
  case AtomicRMWInst::Xchg:
    Mnemonic = Form->Xchg;
    break;
  default:
    break;
  }
  if (!Text || !Mnemonic || !Form->Sizes[Log2])
    return nullptr;
  if (RMW.getOperation() == AtomicRMWInst::Sub)
    Val = B.CreateNeg(Val);
  if (RMW.getOperation() == AtomicRMWInst::And && Form->AndClears)
    Val = B.CreateNot(Val);

  // With a result: $0 old value, $1 operand, $2 address; without: $0
  // operand, $1 address. The memory clobber orders the access against the
  // compiler's own loads and stores of the variable.
  auto Operand = [&](unsigned N) {
    return *Form->Operand[Log2]
               ? "${" + std::to_string(N) + ":" + Form->Operand[Log2] + "}"
               : "$" + std::to_string(N);
  };
  std::string Op = std::string(Mnemonic) + Form->Sizes[Log2];
  std::string Asm = expand(Text, {{"{OP}", Op},
                                  {"{T}", "$0"},
                                  {"{V}", Operand(Used ? 1 : 0)},
                                  {"{A}", Used ? "$2" : "$1"}});
  Type *RetTy = Used ? static_cast<Type *>(IntTy) : B.getVoidTy();
  auto *FTy = FunctionType::get(RetTy, {IntTy, Addr->getType()}, false);
  const char *Constraints = Used ? "=&r,r,r,~{memory}" : "r,r,~{memory}";
  CallInst *Call =
      B.CreateCall(InlineAsm::get(FTy, Asm, Constraints, true), {Val, Addr});
  return Used ? static_cast<Value *>(Call) : PoisonValue::get(IntTy);
}

void PercpuTarget::lowerAtomicRMW(AtomicRMWInst &RMW) {
  IRBuilder<> B(&RMW);
  Value *P = RMW.getPointerOperand();
  if (Info.Kind == Strategy::BaseReg) {
    Value *Addr = thisCpuAddress(B, P);
    if (Value *Old = relaxedRMW(B, RMW, Addr)) {
      // Without an old value, only dead stores into a temporary remain.
      RMW.replaceAllUsesWith(Old);
      RMW.eraseFromParent();
      return;
    }
    RMW.setOperand(AtomicRMWInst::getPointerOperandIndex(), Addr);
    return;
  }

  Value *Mem = castPercpuPointer(B, P, 0);
  Type *ValTy = RMW.getValOperand()->getType();
  AtomicRMWInst::BinOp Op = RMW.getOperation();
  bool SingleInstruction =
      ValTy->isIntegerTy() && isX86IntegerWidth(ValTy->getIntegerBitWidth()) &&
      (Op == AtomicRMWInst::Add || Op == AtomicRMWInst::Sub ||
       (!isOldValueUsed(RMW) && (Op == AtomicRMWInst::And ||
                            Op == AtomicRMWInst::Or ||
                            Op == AtomicRMWInst::Xor)));
  Value *Old = SingleInstruction ? segmentRMW(B, RMW, Mem)
                                 : segmentRMWLoop(B, RMW, Mem);
  // Without an old value, only dead stores into a temporary remain.
  RMW.replaceAllUsesWith(Old->getType()->isVoidTy()
                             ? PoisonValue::get(RMW.getType())
                             : Old);
  RMW.eraseFromParent();
}

void PercpuTarget::lowerCmpXchg(AtomicCmpXchgInst &CX) {
  IRBuilder<> B(&CX);
  Value *P = CX.getPointerOperand();
  if (Info.Kind == Strategy::BaseReg) {
    CX.setOperand(AtomicCmpXchgInst::getPointerOperandIndex(),
                  thisCpuAddress(B, P));
    return;
  }

  Type *ValTy = CX.getCompareOperand()->getType();
  IntegerType *IntTy = x86OperandType(M.getDataLayout(), ValTy);
  Value *Mem = castPercpuPointer(B, P, 0);
  Value *Expected = toInteger(B, CX.getCompareOperand(), IntTy);
  Value *New = toInteger(B, CX.getNewValOperand(), IntTy);
  bool Fence = isStrongerThanMonotonic(CX.getSuccessOrdering());
  Value *Success;
  Value *Old;
  if (IntTy->getBitWidth() == 128) {
    Old = segmentCmpXchg16B(B, Mem, Expected, New, Fence, &Success);
  } else {
    // "Old == Expected" rather than ZF: this_cpu_cmpxchg then folds its
    // select(success, expected, old) to old.
    Old = segmentCmpXchg(B, Mem, Expected, New, Fence, nullptr);
    Success = B.CreateICmpEQ(Old, Expected, "percpu.cmpxchg.ok");
  }
  Value *Result = PoisonValue::get(CX.getType());
  Result = B.CreateInsertValue(Result, fromInteger(B, Old, ValTy), 0);
  Result = B.CreateInsertValue(Result, Success, 1);
  CX.replaceAllUsesWith(Result);
  CX.eraseFromParent();
}

} // namespace percpu
