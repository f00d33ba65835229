//===-- PercpuSharedLibrary.cpp - Keep per-CPU data out of shared libraries ===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A shared library has a template of its own, which the runtime never
// copies: "base register + template address" in the library reaches no
// CPU's area. So a unit that may end up in a shared library (compiled
// -fPIC, not -fPIE) gets an ELF note, as module asm:
//
//   namesz 12, descsz 4, type PERCPU_NOTE_PER_CPU_DATA, "percpu-llvm\0",
//   desc: a 32-bit PC-relative reference to PERCPU_SHARED_LIBRARY_SYM
//
// No linker resolves a PC-relative reference to a symbol that is undefined
// or interposable in a shared object: a -shared link fails and names the
// symbol, whose name states the cause. An executable gets the symbol from
// the runtime (runtime/executable_only.c). Linkers keep SHT_NOTE sections
// under --gc-sections, and the hosted runtime looks for the note in every
// loaded object (runtime/images.c).
//
// -fPIE and non-PIC units are for executables and kernels by definition,
// and kernel linker scripts need not expect an extra section: they get no
// note.
//
//===----------------------------------------------------------------------===//

#include "PercpuSharedLibrary.h"

#include "llvm/IR/Module.h"
#include "llvm/TargetParser/Triple.h"

#include <string>

#include "percpu/abi.h"

using namespace llvm;

#define PERCPU_STR_(x) #x
#define PERCPU_STR(x) PERCPU_STR_(x)

static const char *const Symbol = PERCPU_STR(PERCPU_SHARED_LIBRARY_SYM);

static bool mayGoIntoSharedLibrary(const Module &M) {
  return M.getPICLevel() != PICLevel::NotPIC &&
         M.getPIELevel() == PIELevel::Default;
}

/// The descriptor. RISC-V and LoongArch assemblers turn "S - ." into an
/// ADD32/SUB32 pair, which a -shared link resolves without complaint, so
/// there the PC-relative relocation is spelled out. The .globl puts the
/// symbol in the symbol table: LLVM 16's assembler otherwise emits the
/// relocation against no symbol, which a -shared link accepts.
static std::string descriptor(const Triple &TT) {
  std::string Declare = std::string("\t.globl ") + Symbol + "\n";
  if (TT.isRISCV())
    return Declare + "\t.reloc ., R_RISCV_32_PCREL, " + Symbol +
           "\n\t.long 0\n";
  if (TT.isLoongArch())
    return Declare + "\t.reloc ., R_LARCH_32_PCREL, " + Symbol +
           "\n\t.long 0\n";
  return std::string("\t.long ") + Symbol + " - .\n";
}

void percpu::markForExecutableOnly(Module &M) {
  if (!mayGoIntoSharedLibrary(M) ||
      StringRef(M.getModuleInlineAsm()).contains(PERCPU_NOTE_SECTION))
    return;
  static_assert(sizeof(PERCPU_NOTE_NAME) % 4 == 0,
                "the descriptor must follow the name without padding");
  std::string Asm = "\t.pushsection " PERCPU_NOTE_SECTION ", \"a\", %note\n"
                    "\t.balign 4\n"
                    "\t.long " +
                    std::to_string(sizeof(PERCPU_NOTE_NAME)) + ", 4, " +
                    std::to_string(PERCPU_NOTE_PER_CPU_DATA) + "\n" +
                    "\t.asciz \"" PERCPU_NOTE_NAME "\"\n" +
                    descriptor(Triple(M.getTargetTriple())) +
                    "\t.popsection\n";
  M.appendModuleInlineAsm(Asm);
}
