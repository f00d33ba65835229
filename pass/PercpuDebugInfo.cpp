//===-- PercpuDebugInfo.cpp - Debug info for this CPU's copy --------------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The location
// ------------
// In the delta model this CPU's copy of v is at &v + base register, so each
// template's DIGlobalVariableExpression gets
//
//   DW_OP_addr v, DW_OP_bregx <base register> 0, DW_OP_plus, <clang's ops>
//
// That is what an access compiled now would reach, in either layout: with
// the template at its link address a base of 0 is the template (early
// boot), and in the VMA-0 layout the base is the area's address. `p v`,
// `p v.f`, `p v[3]`, `p &v`, `ptype v` and `info address v` then mean this
// CPU's copy, wherever gdb can read that register from DWARF. The numbers
// are in the architecture table (PercpuTarget.cpp).
//
// gdb 13 maps neither x86_64's gs.base (DWARF 59) nor AArch64's TPIDR_EL0/
// EL1/EL2 (36/37/38) to a register: `p v` would fail with "Unable to access
// DWARF register number 59", and so would `p $percpu(v)`, since gdb
// evaluates a function's arguments first. There the location is
//
//   DW_OP_addr v, DW_OP_constu <mark>, DW_OP_xor, <clang's ops>
//
// with the table's DebugAddressMark, a bit that makes the address
// non-canonical. `p v` fails with "Cannot access memory at address
// 0x4000...", never showing the template; `ptype v` works; and the gdb
// extension recognises the mark: `p $percpu(v)`, `p $percpu(v.f, 2)`. It
// says on loading that `p v` cannot work there, and names `$percpu`.
// What Debian's gdb 13 does (test/gdb):
//
//   target                     location            p v
//   -------------------------  ------------------  --------------------------
//   riscv gp / tp              + DWARF reg 3 / 4   this CPU's copy
//   loongarch64 $r21           + DWARF reg 21      (gdb 13 has no LoongArch)
//   aarch64 TPIDR_EL1/EL2/EL0  ^ 1 << 55           Cannot access memory at
//   x86_64 GS base             ^ 1 << 62           address 0x...
//
// Single-CPU mode has no base register: its templates are plain globals and
// keep clang's location. LLVM 16 to 22 accept these operators in a global's
// expression and emit them as they are.
//
// The gdb extension
// -----------------
// gdb loads the scripts a program names in .debug_gdb_scripts (one entry:
// 1, the script's path, NUL) once the path is in its auto-load safe-path.
// Each unit with debug info names the extension installed next to this
// plugin (cmake/PercpuLayout.cmake: share/percpu-llvm/gdb/percpu.py), by
// absolute path, like the unit's DW_AT_comp_dir; gdb loads it once however
// many units name it. A gdb that declines it says so, with the path.
//
//===----------------------------------------------------------------------===//

#include "PercpuDebugInfo.h"
#include "PercpuTarget.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <dlfcn.h>

using namespace llvm;

namespace percpu {

bool describeThisCpuCopies(ArrayRef<GlobalVariable *> Templates,
                           const ArchInfo &Info, StringRef Reg) {
  SmallVector<uint64_t, 4> ThisCpu;
  if (Info.DebugAddressMark)
    ThisCpu = {dwarf::DW_OP_constu, Info.DebugAddressMark, dwarf::DW_OP_xor};
  else
    ThisCpu = {dwarf::DW_OP_bregx, PercpuTarget::dwarfRegister(Info, Reg), 0,
               dwarf::DW_OP_plus};
  bool Any = false;
  for (GlobalVariable *T : Templates) {
    SmallVector<DIGlobalVariableExpression *, 1> Old;
    T->getDebugInfo(Old);
    if (Old.empty())
      continue;
    T->eraseMetadata(LLVMContext::MD_dbg);
    for (DIGlobalVariableExpression *GVE : Old) {
      SmallVector<uint64_t, 4> Ops = ThisCpu;
      DIExpression *Expr =
          DIExpression::prependOpcodes(GVE->getExpression(), Ops);
      T->addDebugInfo(DIGlobalVariableExpression::get(
          T->getContext(), GVE->getVariable(), Expr));
    }
    Any = true;
  }
  return Any;
}

/// <dir of this plugin>/PERCPU_GDB_EXTENSION_FROM_PLUGIN, if it exists.
static std::string installedGdbExtension() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&installedGdbExtension), &Info) ||
      !Info.dli_fname)
    return "";
  SmallString<256> Path(Info.dli_fname);
  sys::fs::make_absolute(Path);
  sys::path::remove_filename(Path);
  sys::path::append(Path, PERCPU_GDB_EXTENSION_FROM_PLUGIN);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  if (!sys::fs::exists(Path))
    return "";
  return std::string(Path);
}

/// Text as the body of an assembler string.
static std::string asmString(StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out;
}

void referenceGdbExtension(Module &M) {
  if (M.debug_compile_units().empty() ||
      StringRef(M.getModuleInlineAsm()).contains(".debug_gdb_scripts"))
    return;
  static const std::string Script = installedGdbExtension();
  if (Script.empty())
    return;
  // Module asm, not a global: a global's section would be allocated, and
  // the entry belongs with the debug info. "MS": identical entries merge.
  // The 1 is gdb's SECTION_SCRIPT_ID_PYTHON_FILE.
  M.appendModuleInlineAsm("\t.pushsection .debug_gdb_scripts, \"MS\", "
                          "%progbits, 1\n"
                          "\t.byte 1\n"
                          "\t.asciz \"" +
                          asmString(Script) +
                          "\"\n"
                          "\t.popsection\n");
}

} // namespace percpu
