// RUN: rm -rf %t && mkdir %t
// Verify that per-CPU stores from many functions that the LTO link inlines into one (short memsets and single stores, into a caller with and without per-CPU accesses of its own, full and thin LTO, -O2 and -Os) are not merged there into a memset on a %gs: address, which the backend cannot lower (the link crashed), and that every CPU's copy and the template end up right.
// RUN: %percpu_cc -O2 -flto -DPIECES -c %s -o %t/full-pieces.o
// RUN: %percpu_cc -O2 -flto -c %s -o %t/full-main.o
// RUN: %percpu_cc -O2 -flto -fuse-ld=lld %t/full-pieces.o %t/full-main.o -o %t/full && %t/full | FileCheck %s
// RUN: %percpu_cc -O2 -flto -DOWN_ACCESS -c %s -o %t/full-own.o
// RUN: %percpu_cc -O2 -flto -fuse-ld=lld %t/full-pieces.o %t/full-own.o -o %t/full-own && %t/full-own | FileCheck %s
// RUN: %percpu_cc -Os -flto -DPIECES -c %s -o %t/full-os-pieces.o
// RUN: %percpu_cc -Os -flto -fuse-ld=lld %t/full-os-pieces.o %t/full-own.o -o %t/full-os && %t/full-os | FileCheck %s
// RUN: %percpu_cc -O2 -flto=thin -DPIECES -c %s -o %t/thin-pieces.o
// RUN: %percpu_cc -O2 -flto=thin -c %s -o %t/thin-main.o
// RUN: %percpu_cc -O2 -flto=thin -DOWN_ACCESS -c %s -o %t/thin-own.o
// RUN: %percpu_cc -O2 -flto=thin -fuse-ld=lld %t/thin-pieces.o %t/thin-main.o -o %t/thin && %t/thin | FileCheck %s
// RUN: %percpu_cc -O2 -flto=thin -fuse-ld=lld %t/thin-pieces.o %t/thin-own.o -o %t/thin-own && %t/thin-own | FileCheck %s
// REQUIRES: native-x86_64, runtime-x86_64

#include <percpu.h>
#include <stdio.h>
#include <stdlib.h>

#define WORDS 64
#define ZEROED 56 /* 10 pieces of 4 words, then 16 of 1 */

struct block {
	unsigned long w[WORDS];
};
DECLARE_PER_CPU(struct block, blk);

#define FOUR(k) void clear4_##k(void);
#define ONE(k) void clear1_##k(void);
#define EACH4(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9)
#define EACH1(X) X(40) X(41) X(42) X(43) X(44) X(45) X(46) X(47) \
	X(48) X(49) X(50) X(51) X(52) X(53) X(54) X(55)
EACH4(FOUR)
EACH1(ONE)

#ifdef PIECES
/* Nothing calls these here, so only the link inlines them: four stores
 * (a 32-byte memset before the pass), or one. */
#undef FOUR
#undef ONE
#define FOUR(k)                                                                \
	void clear4_##k(void)                                                  \
	{                                                                      \
		blk.w[4 * k] = 0;                                              \
		blk.w[4 * k + 1] = 0;                                          \
		blk.w[4 * k + 2] = 0;                                          \
		blk.w[4 * k + 3] = 0;                                          \
	}
#define ONE(k)                                                                 \
	void clear1_##k(void) { blk.w[k] = 0; }
EACH4(FOUR)
EACH1(ONE)
#else
DEFINE_PER_CPU(struct block, blk);

#define CALL(k) clear4_##k();
#define CALL1(k) clear1_##k();
__attribute__((noinline)) void clear_all(void)
{
#ifdef OWN_ACCESS
	blk.w[WORDS - 1]++;
#endif
	EACH4(CALL)
	EACH1(CALL1)
}

int main(void)
{
	void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(2));
	if (!areas || percpu_init(areas, 2) != 2)
		return 1;
	for (unsigned cpu = 0; cpu < 2; cpu++) {
		percpu_init_reg(cpu);
		for (int i = 0; i < WORDS; i++)
			blk.w[i] = 100 * cpu + i + 1;
	}
	percpu_init_reg(1);
	clear_all();
	const unsigned long *tmpl = (const unsigned long *)(uintptr_t)&blk;
	int own = 0;
#ifdef OWN_ACCESS
	own = 1;
#endif
	int bad = 0;
	for (int i = 0; i < WORDS; i++) {
		unsigned long one = i < ZEROED ? 0 : 101 + i + (i == WORDS - 1 ? own : 0);
		bad += per_cpu(blk, 0).w[i] != (unsigned long)i + 1;
		bad += per_cpu(blk, 1).w[i] != one;
		bad += tmpl[i] != 0;
	}
	printf("wrong words: %d\n", bad);
	return bad != 0;
}
#endif

// CHECK: wrong words: 0
// SPDX-License-Identifier: BSD-2-Clause
