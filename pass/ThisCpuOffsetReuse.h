//===-- ThisCpuOffsetReuse.h - Read this CPU's offset less often -*- C++
//-*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The pass runs after the optimiser, so nothing hoists or merges the reads
// of this CPU's offset that it writes (x86_64's this_cpu_ptr reads
// %gs:__percpu_self_offset). This does it by hand, within what the model
// allows: the offset changes only when the thread switches CPUs, which
// code that uses this_cpu_ptr excludes between two points unless a call
// (percpu_init_reg, a scheduler, preempt_enable) or an inline asm of the
// program's (a compiler barrier such as Linux's preempt_disable has, or a
// write of the base register) lies between them. So a read is reused
// until the next such instruction, and hoisted out of a loop that has
// none.
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_THISCPUOFFSETREUSE_H
#define PERCPU_LLVM_THISCPUOFFSETREUSE_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace llvm {
class Function;
class Instruction;
} // namespace llvm

namespace percpu {

/// Whether I may let the thread continue on another CPU, or mark a point
/// where code may have done so: a call other than an intrinsic, an
/// intrinsic that may touch memory other than its arguments' (wrgsbase,
/// __builtin_setjmp), or an inline asm, unless the pass wrote it (tagged
/// with tagPercpuAsm).
bool maySwitchCpu(const llvm::Instruction &I);

/// Marks an asm the pass emits for a per-CPU operation: it cannot switch
/// CPUs.
void tagPercpuAsm(llvm::Instruction &I);

/// Hoists the reads IsOffsetRead recognises out of loops with no
/// instruction that maySwitchCpu, and within a block replaces each by the
/// previous one when no such instruction lies between them. Leaves optnone
/// functions alone. Returns whether it changed F.
bool reuseThisCpuOffsets(
    llvm::Function &F,
    llvm::function_ref<bool(const llvm::Instruction &)> IsOffsetRead);

} // namespace percpu

#endif // PERCPU_LLVM_THISCPUOFFSETREUSE_H
