//===-- Plugin.cpp - Register the per-CPU lowering with LLVM --------------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// clang -fpass-plugin=PercpuLowering.so: the lowering runs last in the
// optimisation pipeline at every level, -O0 and -flto pre-link included,
// so the backend (and an LTO link) never sees per-CPU address space; the
// early check runs first, to report errors at the source's locations.
// opt -load-pass-plugin=PercpuLowering.so -passes=percpu-lower: alone
// (-passes=percpu-early-check,percpu-lower: both).
//
//===----------------------------------------------------------------------===//

#include "LLVMCompat.h"
#include "PercpuEarlyCheck.h"
#include "PercpuLowering.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Passes/PassBuilder.h"

using namespace llvm;
using percpu::PercpuEarlyCheckPass;
using percpu::PercpuLoweringPass;

static void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineStartEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(PercpuEarlyCheckPass());
      });
  percpu::compat::registerOptimizerLast(PB, [](ModulePassManager &MPM) {
    MPM.addPass(PercpuLoweringPass());
  });
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name == PercpuLoweringPass::PassName)
          MPM.addPass(PercpuLoweringPass());
        else if (Name == PercpuEarlyCheckPass::PassName)
          MPM.addPass(PercpuEarlyCheckPass());
        else
          return false;
        return true;
      });
}

extern "C" LLVM_ATTRIBUTE_WEAK __attribute__((visibility("default")))
PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "PercpuLowering", LLVM_VERSION_STRING,
          registerCallbacks};
}
