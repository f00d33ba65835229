# SPDX-License-Identifier: BSD-2-Clause
#
# cpack -G DEB (in the build directory): a Debian package of the install
# tree under /usr. It is named after the LLVM it was built against, since
# the plugin loads into that clang only: percpu-llvm-19_0.2.0_amd64.deb.
# Packages for two LLVMs install the same paths, so each provides and
# conflicts with the virtual package percpu-llvm: one at a time.
set(CPACK_PACKAGE_NAME percpu-llvm-${LLVM_VERSION_MAJOR})
set(CPACK_PACKAGE_VENDOR "percpu-llvm")
# Debian wants a maintainer; the default names nobody (.invalid is reserved).
set(PERCPU_DEB_MAINTAINER "percpu-llvm developers <percpu-llvm@example.invalid>"
    CACHE STRING "Maintainer field of the .deb")
set(CPACK_PACKAGE_CONTACT "${PERCPU_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Per-CPU variables for C, lowered by a Clang ${LLVM_VERSION_MAJOR} pass plugin")
set(CPACK_PACKAGE_DESCRIPTION
    "A pass plugin for clang ${LLVM_VERSION_MAJOR}, the <percpu.h> header, the runtime "
    "library for x86_64, AArch64, RISC-V and LoongArch (every base register and "
    "mode, for user space and kernels), the percpu-cc wrapper, kernel linker "
    "script fragments, a CMake package (find_package(PerCPU)) and percpu.pc.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "clang-${LLVM_VERSION_MAJOR}, libc6")
# lld links the cross targets (percpu-cc picks it for all but x86_64).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "lld-${LLVM_VERSION_MAJOR}")
set(CPACK_DEBIAN_PACKAGE_PROVIDES percpu-llvm)
set(CPACK_DEBIAN_PACKAGE_CONFLICTS percpu-llvm)
set(CPACK_DEBIAN_PACKAGE_REPLACES percpu-llvm)

include(CPack)
