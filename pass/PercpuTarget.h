//===-- PercpuTarget.h - Per-architecture per-CPU addressing ----*- C++ -*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Everything the lowering knows about one architecture: how "this CPU's copy"
// of a per-CPU address is formed, and how an indivisible read-modify-write
// on it is emitted. The IR walk in PercpuLowering.cpp never looks at the
// architecture; it asks a PercpuTarget.
//
// Two strategies cover the reference design's four architectures:
//
//   strategy   | architectures          | this CPU's copy of p
//   -----------+------------------------+----------------------------------
//   Segment    | x86_64 (GS)            | p in address space 256: %gs:p
//   BaseReg    | aarch64, riscv, loong. | (char *)read_volatile(reg) + p
//
// Both use the delta convention: the segment base or register holds
// "this CPU's area - template start", and a per-CPU pointer's value is the
// template address, so 0 in the register reaches the template itself.
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_PERCPUTARGET_H
#define PERCPU_LLVM_PERCPUTARGET_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/TargetParser/Triple.h"

namespace llvm {
class AtomicCmpXchgInst;
class AtomicRMWInst;
class Module;
} // namespace llvm

namespace percpu {

enum class Strategy { Segment, BaseReg };

/// A load or store of this CPU's copy of "symbol + constant" in three
/// instructions: the symbol's high part, then either the add of the base
/// register and the access with the low part folded in (RISC-V), or the add
/// of the low part and an access indexed by the base register (LoongArch).
/// LLVM emits four, so the pass writes this form as inline asm.
/// Texts use {T} (scratch/result register), {S} (symbol), {V} (stored
/// value), {R} (base register), {L} (low part), {OP} (mnemonic).
struct ShortAccessForm {
  const char *Prologue; // before the sequence, "" for none
  const char *Epilogue;
  const char *HighAbsolute; // non-PIC code
  const char *HighPCRel;    // PIC code
  const char *LowAbsolute;
  const char *LowPCRel;
  const char *AddBase;
  const char *Load;
  const char *Store;
  const char *LoadOps[4]; // by log2(bytes), zero-extending
  const char *StoreOps[4];
  /// The access instruction itself reads the base register, so preemption
  /// between the instructions is harmless.
  bool PreemptSafe;
};

/// A load or store that adds the base register in the access itself
/// (LoongArch ldx/stx, as Linux does), on an address LLVM computes: the
/// address part is ordinary code that the backend shares and hoists out of
/// loops, and only the access, which reads the base, stays where it is.
/// Texts use {T} (result), {V} (stored value), {A} (template address),
/// {R} (base register), {OP} (mnemonic).
struct IndexedAccessForm {
  const char *Load;
  const char *Store;
  const char *LoadOps[4]; // by log2(bytes), zero-extending
  const char *StoreOps[4];
};

/// A relaxed read-modify-write as one asm instruction, where the backend's
/// own choice orders more than per-CPU data needs: AArch64 keeps ldadd's
/// result register so that a later dmb ishld orders the read (stadd
/// needs none), LoongArch before LLVM 22 picks amadd_db.d (a full barrier)
/// for a relaxed add. Only another context on the same CPU can touch the
/// data, and one instruction is indivisible against it. Texts use {OP}
/// (mnemonic and size suffix), {T} (old value), {V} (operand), {A}
/// (address); a null text or mnemonic leaves the atomicrmw to the backend.
struct RelaxedRMWForm {
  /// The target feature the instructions need ("+lse"), or null.
  const char *Feature;
  const char *NoResult;                    // the old value is unused
  const char *WithResult;                  // the old value is used
  const char *Add, *Or, *Xor, *And, *Xchg; // sub is an add of -value
  /// The And instruction clears the operand's bits (AArch64 stclr).
  bool AndClears;
  const char *Sizes[4];   // suffix by log2(bytes); null: no such size
  const char *Operand[4]; // operand modifier by log2(bytes) ("w", "x")
};

/// One row of the architecture table.
struct ArchInfo {
  llvm::Triple::ArchType Arch;
  Strategy Kind;
  /// Segment: the address space the backend maps to the segment.
  unsigned SegmentAddrSpace;
  /// The registers that can hold the base, the default first, as users
  /// name them (-DPERCPU_REGISTER=...). x86_64 has one: gs.
  llvm::ArrayRef<llvm::StringRef> Registers;
  /// What llvm.read_volatile_register wants before a register name.
  llvm::StringRef RegisterPrefix;
  /// The DWARF numbers of Registers, in the same order (the psABIs' DWARF
  /// register tables; x86_64 gs.base is 59). The debug info of a per-CPU
  /// variable adds the base register by this number (PercpuDebugInfo.h).
  llvm::ArrayRef<unsigned> DwarfRegisters;
  /// 0 where gdb reads those registers from DWARF. Elsewhere the debug
  /// info gives the template address XOR this mark instead: an address no
  /// debugger can read, which the gdb extension turns back into the
  /// template (tools/gdb/percpu.py has the same table).
  uint64_t DebugAddressMark;
  /// BaseReg: the three-instruction load/store, if the architecture has one.
  const ShortAccessForm *Short;
  /// BaseReg: "base register + {A}" as an asm instruction ({T} result, {R}
  /// register), or null to use llvm.read_volatile_register. RISC-V and
  /// LoongArch need it: their backends treat a reserved register as loop
  /// invariant and would hoist the read out of a loop that switches CPUs.
  const char *AddBaseAsm;
  /// BaseReg: loads and stores indexed by the base register, or null.
  const IndexedAccessForm *Indexed;
  /// BaseReg: relaxed read-modify-writes written as asm, or null.
  const RelaxedRMWForm *RelaxedRMW;
  /// The register the ELF TLS code reads the thread pointer from, as
  /// Registers names it, when it is one of them (x86_64 fs and LoongArch
  /// $tp are not): chosen as the base, every thread-local access in the
  /// unit would address per-CPU memory.
  llvm::StringRef ThreadPointer;
};

/// How a unit asked to be lowered (<percpu.h> turns -D options into
/// strings the pass reads).
struct PercpuOptions {
  /// The base register (x86_64: "gs").
  llvm::StringRef Reg;
  /// PERCPU_SINGLE_CPU: one CPU, per-CPU variables are plain globals.
  bool SingleCpu = false;
  /// PERCPU_PREEMPT_HOOKS: this_cpu_* operations that read a base register
  /// apart from the access run between percpu_preempt_disable/enable.
  bool PreemptHooks = false;
};

/// The lowering for one module's target.
class PercpuTarget {
public:
  /// Returns null when the module's architecture is not supported.
  static const ArchInfo *lookup(const llvm::Triple &TT);
  /// "x86_64, aarch64, ..." for diagnostics.
  static std::string supportedArchNames();
  /// "tpidr_el1, tpidr_el2, ..." for diagnostics.
  static std::string registerNames(const ArchInfo &Info);
  /// The DWARF register number of Reg, one of Info.Registers.
  static unsigned dwarfRegister(const ArchInfo &Info, llvm::StringRef Reg);

  PercpuTarget(llvm::Module &M, const ArchInfo &Info,
               const PercpuOptions &Opts);

  /// The address of this CPU's copy of *P (P is a per-CPU pointer), in the
  /// address space a load or store should use.
  llvm::Value *thisCpuAddress(llvm::IRBuilder<> &B, llvm::Value *P);

  /// Replaces a load or store of this CPU's copy with the architecture's
  /// indexed form, or outside loops (InLoop false) with its short form for
  /// a template global plus a constant, when it has one and the access
  /// suits it: returns the instruction that replaced (and erased) I, or
  /// null. The short form computes the address inside its asm, so in a
  /// loop the ordinary form, whose address part the backend hoists, is
  /// better.
  llvm::Instruction *lowerShortAccess(llvm::Instruction &I, bool InLoop);
  /// Whether that form reads the base register in the access itself.
  bool shortAccessIsPreemptSafe() const {
    return Info.Indexed || (Info.Short && Info.Short->PreemptSafe);
  }
  /// Whether plain accesses of one per-CPU address in a call-free stretch
  /// should share one this_cpu_ptr (v++ reads the base once): the targets
  /// whose accesses compute base + address apart from the access.
  bool sharesThisCpuPointer() const {
    return Info.Kind == Strategy::BaseReg && !Info.Indexed && !Opts.SingleCpu;
  }

  /// Whether the this_cpu_* operation I must run with preemption disabled:
  /// hooks requested, and the base register is read by an instruction of
  /// its own, so the thread could move to another CPU before the access.
  bool needsPreemptGuard(const llvm::Instruction &I) const;

  /// Whether I is a read of this CPU's offset that thisCpuPointer wrote
  /// (Segment: the load of %gs:__percpu_self_offset).
  bool isThisCpuOffsetRead(const llvm::Instruction &I) const;

  /// this_cpu_ptr(P): an ordinary (address space 0) pointer to this CPU's
  /// copy, valid as long as the caller stays on this CPU.
  llvm::Value *thisCpuPointer(llvm::IRBuilder<> &B, llvm::Value *P);

  /// Whether an atomic access of this size and alignment is one
  /// instruction (Segment) or lowered correctly by the backend (BaseReg,
  /// which may call libatomic on this CPU's address).
  bool supportsAtomicAccess(uint64_t Bytes, llvm::Align Alignment) const;
  bool isSegment() const { return Info.Kind == Strategy::Segment; }
  /// Segment: the address space of this CPU's copies.
  unsigned segmentAddrSpace() const { return Info.SegmentAddrSpace; }
  /// A 16-byte compare-and-exchange (x86_64: cmpxchg16b).
  bool supportsCmpXchg128(uint64_t Bytes) const { return Bytes == 16; }

  /// Replaces an atomicrmw / cmpxchg on per-CPU memory with an operation
  /// that is indivisible on this CPU. Erases the instruction.
  void lowerAtomicRMW(llvm::AtomicRMWInst &RMW);
  void lowerCmpXchg(llvm::AtomicCmpXchgInst &CX);

private:
  llvm::Module &M;
  const ArchInfo &Info;
  PercpuOptions Opts;
  llvm::StringRef Reg;

  llvm::Value *readBaseRegister(llvm::IRBuilder<> &B);
  /// "%gs:" before the memory operand of x86 asm; "" for one CPU.
  const char *segmentPrefix() const { return Opts.SingleCpu ? "" : "%gs:"; }
  llvm::Value *thisCpuOffset(llvm::IRBuilder<> &B);
  llvm::Value *segmentRMW(llvm::IRBuilder<> &B, llvm::AtomicRMWInst &RMW,
                          llvm::Value *Mem);
  llvm::Value *segmentCmpXchg(llvm::IRBuilder<> &B, llvm::Value *Mem,
                              llvm::Value *Expected, llvm::Value *New,
                              bool Fence, llvm::Value **Success);
  llvm::Value *segmentCmpXchg16B(llvm::IRBuilder<> &B, llvm::Value *Mem,
                                 llvm::Value *Expected, llvm::Value *New,
                                 bool Fence, llvm::Value **Success);
  llvm::Value *relaxedRMW(llvm::IRBuilder<> &B, llvm::AtomicRMWInst &RMW,
                          llvm::Value *Addr);
  llvm::Instruction *lowerIndexedAccess(llvm::Instruction &I);
  llvm::Value *segmentRMWLoop(llvm::IRBuilder<> &B, llvm::AtomicRMWInst &RMW,
                              llvm::Value *Mem);
};

/// Rebuilds the per-CPU address P as a pointer of address space ToAS with
/// the same integer value, looking through GEPs to the template global so
/// that the backend sees "global + offset" (x86: %gs:var+8(%rip)).
llvm::Value *castPercpuPointer(llvm::IRBuilder<> &B, llvm::Value *P,
                               unsigned ToAS);

} // namespace percpu

#endif // PERCPU_LLVM_PERCPUTARGET_H
