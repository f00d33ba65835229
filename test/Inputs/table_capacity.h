/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * TABLE_CAPACITY_BYTES: what the runtime's offset table takes beyond a few
 * CPUs' entries, for the tests' static buffers and tables: on aarch64 it
 * holds PERCPU_MAX_CPUS entries of 8 bytes (percpu.h), elsewhere ncpus + 1.
 */
#ifndef PERCPU_TEST_TABLE_CAPACITY_H
#define PERCPU_TEST_TABLE_CAPACITY_H

#include <percpu.h>

#if defined(__aarch64__) && PERCPU_MAX_CPUS
#define TABLE_CAPACITY_BYTES (PERCPU_MAX_CPUS * 8)
#else
#define TABLE_CAPACITY_BYTES 0
#endif

#endif
