//===-- SegmentAccess.cpp - Keep segment accesses intact downstream -------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// See SegmentAccess.h.
//
// Which instrumentation honours what (checked with opt -passes=asan, tsan,
// msan, asan<kernel>, msan<kernel> on LLVM 19 and 22): all of them skip an
// instruction carrying !nosanitize, memory intrinsics and atomics included
// (LLVM 16's TSan needs more for atomics: compat::setNoSanitize).
// Without it, ASan and KASAN leave loads, stores and atomics in a non-zero
// address space alone but call __asan_memcpy / memcpy on the addrspacecast
// of a segment memcpy; TSan calls __tsan_memcpy and __tsan_atomic*_load /
// _store on the segment pointer; MSan checks shadow computed from it. All
// of those reach the template.
//
//===----------------------------------------------------------------------===//

#include "SegmentAccess.h"
#include "LLVMCompat.h"
#include "PercpuTarget.h"

#include "llvm/ADT/bit.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instruction.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/TargetParser/Triple.h"

#include "percpu/abi.h"

using namespace llvm;

namespace percpu {

bool isSanitized(const Function &F) {
  return F.hasFnAttribute(Attribute::SanitizeAddress) ||
         F.hasFnAttribute(Attribute::SanitizeHWAddress) ||
         F.hasFnAttribute(Attribute::SanitizeThread) ||
         F.hasFnAttribute(Attribute::SanitizeMemory);
}

void keepFromSanitizers(Instruction &I) {
  if (isSanitized(*I.getFunction()))
    compat::setNoSanitize(I);
}

/// The widest piece a short move loads at once: a vector register where
/// the function may use one (x86 kernels are built without SSE).
static uint64_t widestMovePiece(const Function &F) {
  uint64_t Widest = 16;
  SmallVector<StringRef, 32> Features;
  F.getFnAttribute("target-features").getValueAsString().split(Features, ',');
  for (StringRef Feature : Features) {
    if (Feature == "-sse" || Feature == "-sse2")
      return 8;
    if (Feature == "+avx")
      Widest = 32;
  }
  return Widest;
}

void emitShortMemMove(IRBuilder<> &B, Value *Dst, MaybeAlign DstAlign,
                      Value *Src, MaybeAlign SrcAlign, uint64_t Len,
                      bool Volatile) {
  if (!Len)
    return;
  // Equal pieces, the last one overlapping its neighbour rather than a tail
  // of smaller ones: 31 bytes are two 16-byte moves, at 0 and 15. Every load
  // comes before the first store, so overlapping ranges move correctly.
  uint64_t Piece =
      std::min(llvm::bit_floor(Len), widestMovePiece(*B.GetInsertBlock()->getParent()));
  Type *PieceTy = Piece <= 8 ? static_cast<Type *>(B.getIntNTy(Piece * 8))
                             : FixedVectorType::get(B.getInt8Ty(), Piece);
  SmallVector<uint64_t, 4> Offsets;
  for (uint64_t Off = 0; Off + Piece < Len; Off += Piece)
    Offsets.push_back(Off);
  Offsets.push_back(Len - Piece);

  SmallVector<Value *, 4> Values;
  for (uint64_t Off : Offsets)
    Values.push_back(B.CreateAlignedLoad(
        PieceTy, B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), Src, Off),
        commonAlignment(SrcAlign.valueOrOne(), Off), Volatile));
  for (auto [Off, V] : zip(Offsets, Values))
    B.CreateAlignedStore(V,
                         B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), Dst, Off),
                         commonAlignment(DstAlign.valueOrOne(), Off), Volatile);
}

/// Whether M is compiled for LTO, full or thin: clang marks every -flto
/// unit with EnableSplitLTOUnit.
bool isLTOPreLink(const Module &M) {
  return M.getModuleFlag("EnableSplitLTOUnit") != nullptr;
}

static bool accessesAddrSpace(const Instruction &I, unsigned AS) {
  if (!I.mayReadOrWriteMemory())
    return false;
  return any_of(I.operands(), [&](const Use &Op) {
    Type *Ty = Op->getType()->getScalarType();
    return Ty->isPointerTy() && Ty->getPointerAddressSpace() == AS;
  });
}

/// Withdraws the library calls that the optimiser could form from F's
/// segment accesses.
static void withdrawMemIntrinsicCalls(Function &F) {
  for (const char *Name :
       {"no-builtin-memset", "no-builtin-memcpy", "no-builtin-memmove"})
    F.addFnAttr(Name);
}

void protectSegmentAccesses(Function &F, unsigned SegmentAddrSpace) {
  bool Found = false;
  for (Instruction &I : instructions(F))
    if (accessesAddrSpace(I, SegmentAddrSpace)) {
      keepFromSanitizers(I);
      Found = true;
    }
  // The LTO link optimises this code again, without the plugin: LoopIdiom
  // (ThinLTO) and MemCpyOpt (full and thin) would merge segment stores,
  // inlined from several functions, into memset/memcpy/memmove calls the
  // backend cannot emit. Both form from stores only what
  // TargetLibraryInfo says is available, which these attributes withdraw.
  // The price: the link inlines F only into functions that carry them too.
  // (MemCpyOpt widens memsets without asking: lowerMemIntrinsic makes the
  // short ones volatile.)
  if (Found && isLTOPreLink(*F.getParent()))
    withdrawMemIntrinsicCalls(F);
}

bool protectLoweredUnit(Module &M) {
  const ArchInfo *Info = PercpuTarget::lookup(Triple(M.getTargetTriple()));
  if (!Info || Info->Kind != Strategy::Segment)
    return false;
  // The pass leaves its runtime check in every unit it lowered.
  if (none_of(M.globals(), [](const GlobalVariable &GV) {
        return GV.getSection() == PERCPU_RUNTIME_CHECK_SECTION;
      }))
    return false;
  bool Changed = false;
  for (Function &F : M)
    if (any_of(instructions(F), [&](const Instruction &I) {
          return accessesAddrSpace(I, Info->SegmentAddrSpace);
        })) {
      withdrawMemIntrinsicCalls(F);
      Changed = true;
    }
  return Changed;
}

} // namespace percpu
