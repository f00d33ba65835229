//===-- PercpuDebugInfo.h - Debug info for this CPU's copy ------*- C++ -*-===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A per-CPU variable's DWARF location, as clang emits it, is the template:
// a debugger would show the link-time copy, not the copy the code reads.
// PercpuDebugInfo.cpp rewrites it to mean this CPU's copy, and points gdb
// at the extension that reads any CPU's copy (tools/gdb/percpu.py).
//
//===----------------------------------------------------------------------===//

#ifndef PERCPU_LLVM_PERCPUDEBUGINFO_H
#define PERCPU_LLVM_PERCPUDEBUGINFO_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace llvm {
class GlobalVariable;
class Module;
} // namespace llvm

namespace percpu {

struct ArchInfo;

/// Gives each template's debug info the location "template address + base
/// register Reg": this CPU's copy in the delta model, whatever the layout.
/// Where gdb cannot read Reg, the location is the template address XOR
/// Info.DebugAddressMark instead, which no debugger can read and the gdb
/// extension undoes. Returns whether any template had debug info.
bool describeThisCpuCopies(llvm::ArrayRef<llvm::GlobalVariable *> Templates,
                           const ArchInfo &Info, llvm::StringRef Reg);

/// Names the gdb extension installed with this plugin in the unit's
/// .debug_gdb_scripts section, so that gdb offers to load it (once
/// `add-auto-load-safe-path <prefix>/share/percpu-llvm/gdb`). Nothing when
/// the unit has no debug info or the extension is not installed.
void referenceGdbExtension(llvm::Module &M);

} // namespace percpu

#endif // PERCPU_LLVM_PERCPUDEBUGINFO_H
