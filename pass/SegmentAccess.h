//===-- SegmentAccess.h - Keep segment accesses intact downstream -*- C++ -*-===//
//
// The Segment strategy (x86_64) leaves per-CPU accesses in the segment's
// address space. Code that runs after the pass handles that address space
// badly:
//
//   - the backend, which cannot call memcpy/memset/memmove on a segment
//     address ("cannot lower memory intrinsic in address space 256",
//     llvm#62834) and only expands them inline when its size heuristics
//     allow (-Os, -Oz, cold functions and volatile copies do not).
//
// These helpers keep it away from what it cannot handle.
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_SEGMENTACCESS_H
#define PERCPU_LLVM_SEGMENTACCESS_H

#include "llvm/IR/IRBuilder.h"

namespace llvm {
class Function;
class Instruction;
class Module;
} // namespace llvm

namespace percpu {

/// memmove of Len constant bytes (at most 32) where Dst or Src is a segment
/// address, as plain loads of the whole source followed by the stores, so
/// that overlapping ranges move correctly without the backend's help.
void emitShortMemMove(llvm::IRBuilder<> &B, llvm::Value *Dst,
                      llvm::MaybeAlign DstAlign, llvm::Value *Src,
                      llvm::MaybeAlign SrcAlign, uint64_t Len, bool Volatile);

} // namespace percpu

#endif // PERCPU_LLVM_SEGMENTACCESS_H
