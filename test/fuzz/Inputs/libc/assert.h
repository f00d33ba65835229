/* SPDX-License-Identifier: BSD-2-Clause */
/* csmith's runtime includes <assert.h>; its programs call assert() only with
 * --paranoid, which the fuzz driver does not pass. */
#define assert(cond) ((void)0)
