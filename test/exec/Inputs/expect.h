/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Assertions for the execution tests: a failure prints where and what, and
 * exits 1 so that lit reports the test as failed. Unlike assert(), they stay
 * active under -DNDEBUG.
 */
#ifndef PERCPU_TEST_EXPECT_H
#define PERCPU_TEST_EXPECT_H

#include <stdio.h>
#include <stdlib.h>

#define EXPECT(cond)                                                           \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond);      \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

/* Compares as long long so that one macro serves every integer type. */
#define EXPECT_EQ(a, b)                                                        \
  do {                                                                         \
    long long expect_a_ = (long long)(a), expect_b_ = (long long)(b);          \
    if (expect_a_ != expect_b_) {                                              \
      fprintf(stderr, "%s:%d: expected %s == %s, got %lld != %lld\n",          \
              __FILE__, __LINE__, #a, #b, expect_a_, expect_b_);               \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

#define EXPECT_PTR_EQ(a, b)                                                    \
  do {                                                                         \
    const void *expect_a_ = (a), *expect_b_ = (b);                             \
    if (expect_a_ != expect_b_) {                                              \
      fprintf(stderr, "%s:%d: expected %s == %s, got %p != %p\n", __FILE__,    \
              __LINE__, #a, #b, expect_a_, expect_b_);                         \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

#endif
