//===-- Plugin.cpp - Register the per-CPU lowering with LLVM --------------===//
//
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// clang -fpass-plugin=PercpuLowering.so: the pass runs last in the
// optimisation pipeline at every level, -O0 and -flto pre-link included,
// so the backend (and an LTO link) never sees per-CPU address space.
// opt -load-pass-plugin=PercpuLowering.so -passes=percpu-lower: alone.
//
//===----------------------------------------------------------------------===//

#include "LLVMCompat.h"
#include "PercpuLowering.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Passes/PassBuilder.h"

using namespace llvm;
using percpu::PercpuLoweringPass;

static void registerCallbacks(PassBuilder &PB) {
  percpu::compat::registerOptimizerLast(PB, [](ModulePassManager &MPM) {
    MPM.addPass(PercpuLoweringPass());
  });
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name != PercpuLoweringPass::PassName)
          return false;
        MPM.addPass(PercpuLoweringPass());
        return true;
      });
}

extern "C" LLVM_ATTRIBUTE_WEAK __attribute__((visibility("default")))
PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "PercpuLowering", LLVM_VERSION_STRING,
          registerCallbacks};
}
