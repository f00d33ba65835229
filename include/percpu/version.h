/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * percpu/version.h - the percpu-llvm version, for code that must know it.
 *
 * This is the one place the version is written: CMakeLists.txt reads these
 * three lines into project(VERSION), so the package, percpu-cc --version
 * and the header cannot disagree. Keep each a bare number.
 */
#ifndef PERCPU_VERSION_H
#define PERCPU_VERSION_H

#define PERCPU_VERSION_MAJOR 0
#define PERCPU_VERSION_MINOR 2
#define PERCPU_VERSION_PATCH 0

/* One number to compare against: 0.2.0 is 200, 1.12.3 is 11203. */
#define PERCPU_VERSION_NUMBER                                                  \
  (PERCPU_VERSION_MAJOR * 10000 + PERCPU_VERSION_MINOR * 100 + PERCPU_VERSION_PATCH)

#endif
