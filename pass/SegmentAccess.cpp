//===-- SegmentAccess.cpp - Keep segment accesses intact downstream -------===//
//
// See SegmentAccess.h.
//
//===----------------------------------------------------------------------===//

#include "SegmentAccess.h"

#include "llvm/ADT/bit.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"

using namespace llvm;

namespace percpu {

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

} // namespace percpu
