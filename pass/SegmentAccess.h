//===-- SegmentAccess.h - Keep segment accesses intact downstream -*- C++ -*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The Segment strategy (x86_64) leaves per-CPU accesses in the segment's
// address space. Three kinds of code run after the pass and handle that
// address space badly:
//
//   - the backend, which cannot call memcpy/memset/memmove on a segment
//     address ("cannot lower memory intrinsic in address space 256",
//     llvm#62834) and only expands them inline when its size heuristics
//     allow (-Os, -Oz, cold functions and volatile copies do not);
//   - the sanitizers, which turn memory intrinsics and atomics into runtime
//     calls on the address without its segment, i.e. on the template
//     (llvm#124238);
//   - the ThinLTO link, whose optimiser runs LoopIdiom and MemCpyOpt again
//     and re-forms memory intrinsics from segment loads and stores.
//
// These helpers keep each of them away from what it cannot handle.
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

/// Whether a sanitizer that rewrites memory accesses instruments F:
/// ASan/KASAN, HWASan, TSan, MSan/KMSAN.
bool isSanitized(const llvm::Function &F);

/// Tells the sanitizers to leave I alone, when its function is sanitized:
/// they would instrument the template instead of this CPU's copy.
void keepFromSanitizers(llvm::Instruction &I);

/// memmove of Len constant bytes (at most 32) where Dst or Src is a segment
/// address, as plain loads of the whole source followed by the stores, so
/// that overlapping ranges move correctly without the backend's help.
void emitShortMemMove(llvm::IRBuilder<> &B, llvm::Value *Dst,
                      llvm::MaybeAlign DstAlign, llvm::Value *Src,
                      llvm::MaybeAlign SrcAlign, uint64_t Len, bool Volatile);

/// Whether M is compiled for an LTO link (-flto, -flto=thin), whose
/// optimiser runs again on the lowered code, without the plugin.
bool isLTOPreLink(const llvm::Module &M);

/// After the lowering of F: marks its segment accesses for the sanitizers,
/// and, in an LTO compile, keeps the link-time optimiser from turning
/// them into memory intrinsics.
void protectSegmentAccesses(llvm::Function &F, unsigned SegmentAddrSpace);

/// Before the optimiser runs on a unit this pass lowered earlier (its
/// bitcode compiled again: llvm-link, clang -c x.bc): keeps it, as the LTO
/// link is kept, from turning segment accesses into memory intrinsics.
/// Returns whether it changed M.
bool protectLoweredUnit(llvm::Module &M);

} // namespace percpu

#endif // PERCPU_LLVM_SEGMENTACCESS_H
