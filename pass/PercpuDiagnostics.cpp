//===-- PercpuDiagnostics.cpp - Errors the lowering reports ---------------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Errors with a location go to clang as DiagnosticInfoUnsupported, which it
// prints at the debug location (or at the function without one) in its own
// form; an asm statement without a debug location as DiagnosticInfoInlineAsm,
// which clang prints at the statement. The rest, and every note, go as a
// diagnostic of the plugin's own kind, which clang prints as "error: ..." or
// "note: ..." without a location.
//
//===----------------------------------------------------------------------===//

#include "PercpuDiagnostics.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DIBuilder.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instruction.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace percpu {

const Problem CastProblem = {
    "a cast between a per-CPU pointer and an ordinary pointer reaches the "
    "template, not this CPU's copy",
    "use this_cpu_ptr() or per_cpu_ptr() (or a uintptr_t round trip if the "
    "template is really meant)"};

const Problem InlineAsmProblem = {
    "an inline asm operand points into per-CPU memory; the asm would address "
    "the template, not this CPU's copy",
    "pass this_cpu_ptr(p) instead"};

const Problem AliasProblem = {
    "an alias of a per-CPU variable is not supported",
    "declare the variable itself with DECLARE_PER_CPU"};

/// Named metadata on a module whose errors were reported already.
static const char *const ReportedMD = "percpu.errors.reported";

namespace {

/// An error or note without a location, printed as its text.
class DiagnosticInfoPercpu : public DiagnosticInfo {
public:
  DiagnosticInfoPercpu(DiagnosticSeverity Severity, const Twine &Msg)
      : DiagnosticInfo(kind(), Severity), Msg(Msg) {}

  void print(DiagnosticPrinter &DP) const override { DP << Msg; }

private:
  static int kind() {
    static const int Kind = getNextAvailablePluginDiagnosticKind();
    return Kind;
  }

  const Twine &Msg;
};

} // namespace

/// The instruction using V, directly or through constants, that comes
/// first in the source; one without a location when none has one.
static const Instruction *findLocatedUser(const Value &V) {
  const Instruction *Best = nullptr;
  auto Key = [](const Instruction *I) {
    const DebugLoc &DL = I->getDebugLoc();
    return std::make_pair(DL.getLine(), DL.getCol());
  };
  // Line 0: code of the compiler's own, such as a C++ global initialiser.
  auto Located = [](const Instruction *I) {
    return I->getDebugLoc() && I->getDebugLoc().getLine() != 0;
  };
  for (const User *U : V.users()) {
    const Instruction *I = dyn_cast<Instruction>(U);
    if (!I && isa<Constant>(U) && !isa<GlobalValue>(U))
      I = findLocatedUser(*U);
    if (!I)
      continue;
    if (!Best || (Located(I) && (!Located(Best) || Key(I) < Key(Best))))
      Best = I;
  }
  return Best;
}

Diagnostics::Diagnostics(Module &M) : M(M), Quiet(wereReported(M)) {}

bool Diagnostics::wereReported(const Module &M) {
  return M.getNamedMetadata(ReportedMD);
}

void Diagnostics::markReported(Module &M) {
  M.getOrInsertNamedMetadata(ReportedMD);
}

bool Diagnostics::startReport(const Value *About) {
  if (About && !Reported.insert(About).second)
    return false;
  if (!Any)
    markReported(M);
  Any = true;
  return !Quiet;
}

void Diagnostics::note(const char *Advice) {
  if (Advice)
    M.getContext().diagnose(DiagnosticInfoPercpu(DS_Note, Advice));
}

/// An error at I: at its debug location, else (an asm statement) at
/// clang's location cookie, else at its function.
static void diagnoseAt(const Instruction &I, const Twine &Msg) {
  auto *Call = dyn_cast<CallBase>(&I);
  if (!I.getDebugLoc() && Call && Call->isInlineAsm() &&
      I.getMetadata("srcloc"))
    I.getContext().diagnose(DiagnosticInfoInlineAsm(I, Msg));
  else
    I.getContext().diagnose(
        DiagnosticInfoUnsupported(*I.getFunction(), Msg, I.getDebugLoc()));
}

void Diagnostics::error(const Twine &What, const char *Advice) {
  if (!startReport(nullptr))
    return;
  M.getContext().diagnose(DiagnosticInfoPercpu(DS_Error, What));
  note(Advice);
}

void Diagnostics::error(const Instruction &I, const Twine &What,
                        const char *Advice) {
  if (!startReport(&I))
    return;
  diagnoseAt(I, What);
  note(Advice);
}

/// The column of Name as an identifier in line Line of File's source, or
/// 0 when the source cannot be read: debug info has no column for globals.
static unsigned nameColumn(const DIFile &File, unsigned Line, StringRef Name) {
  SmallString<256> Path(File.getFilename());
  if (!sys::path::is_absolute(Path)) {
    Path = File.getDirectory();
    sys::path::append(Path, File.getFilename());
  }
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf || Line == 0)
    return 0;
  StringRef Text = (*Buf)->getBuffer();
  for (unsigned L = 1; L < Line && !Text.empty(); L++)
    Text = Text.split('\n').second;
  StringRef Src = Text.split('\n').first;
  auto IsIdent = [](char C) { return isAlnum(C) || C == '_' || C == '$'; };
  for (size_t At = Src.find(Name); At != StringRef::npos;
       At = Src.find(Name, At + 1)) {
    size_t End = At + Name.size();
    if ((At == 0 || !IsIdent(Src[At - 1])) &&
        (End == Src.size() || !IsIdent(Src[End])))
      return At + 1;
  }
  return 0;
}

/// A location at GV's declaration (from debug info), in a scope made for
/// it: clang prints a file, line and column only for a location.
static DebugLoc declarationLocation(const GlobalValue &GV, Module &M,
                                    StringRef &SourceName) {
  SmallVector<DIGlobalVariableExpression *, 1> DIs;
  if (auto *Var = dyn_cast<GlobalVariable>(&GV))
    Var->getDebugInfo(DIs);
  if (DIs.empty() || !DIs[0]->getVariable()->getFile())
    return DebugLoc();
  DIGlobalVariable *DV = DIs[0]->getVariable();
  SourceName = DV->getName();
  DIFile *File = DV->getFile();
  DIBuilder DIB(M);
  DISubprogram *Scope = DIB.createFunction(
      File, SourceName, "", File, DV->getLine(),
      DIB.createSubroutineType(DIB.getOrCreateTypeArray({})), DV->getLine());
  unsigned Col = nameColumn(*File, DV->getLine(), SourceName);
  return DILocation::get(M.getContext(), DV->getLine(), Col, Scope);
}

/// Reports an error at Loc on behalf of some function of M (clang's
/// diagnostic needs one), a stand-in declaration when M has none.
static void diagnoseAt(Module &M, const DebugLoc &Loc, const Twine &Msg) {
  Function *F = M.empty() ? nullptr : &*M.begin();
  Function *StandIn = nullptr;
  if (!F)
    F = StandIn = Function::Create(
        FunctionType::get(Type::getVoidTy(M.getContext()), false),
        GlobalValue::ExternalLinkage, "percpu.diagnostic", M);
  M.getContext().diagnose(DiagnosticInfoUnsupported(*F, Msg, Loc));
  if (StandIn)
    StandIn->eraseFromParent();
}

void Diagnostics::error(const GlobalValue &GV, const Twine &What,
                        const char *Advice) {
  if (!startReport(&GV))
    return;
  StringRef SourceName;
  DebugLoc Loc = declarationLocation(GV, M, SourceName);
  std::string Name =
      SourceName.empty() ? demangle(GV.getName().str()) : SourceName.str();
  std::string Full = ("'" + Name + "': " + What).str();
  if (Loc)
    diagnoseAt(M, Loc, Full);
  else if (const Instruction *User = findLocatedUser(GV))
    diagnoseAt(*User, Full);
  else
    M.getContext().diagnose(DiagnosticInfoPercpu(DS_Error, Full));
  note(Advice);
}

void Diagnostics::error(const Value &V, const Twine &What,
                        const char *Advice) {
  if (auto *I = dyn_cast<Instruction>(&V))
    return error(*I, What, Advice);
  if (auto *GV = dyn_cast<GlobalValue>(&V))
    return error(*GV, What, Advice);
  if (!startReport(&V))
    return;
  if (const Instruction *User = findLocatedUser(V))
    diagnoseAt(*User, What);
  else
    M.getContext().diagnose(DiagnosticInfoPercpu(DS_Error, What));
  note(Advice);
}

} // namespace percpu
