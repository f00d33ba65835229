// RUN: %percpu_cc -O2 %s -o %t && not --crash %t 7
// RUN: %percpu_cc -O0 %s -o %t0 && not --crash %t0 7
// RUN: not --crash %t 3
// RUN: not --crash %t 2147483648
// RUN: not --crash %t 4294967295
// RUN: %t 2
// REQUIRES: native-x86_64, runtime-x86_64
// Verify that per_cpu() of a CPU that does not exist faults at every optimisation level (the inline bounds check clamps it to the count, whose entry is PERCPU_OFFSET_OFFLINE, non-canonical), for the count itself, past it, and from 2^31 up, while an existing CPU reads its copy.
#include <percpu.h>
#include <stdlib.h>

DEFINE_PER_CPU(unsigned long, value) = 40;

int main(int argc, char **argv)
{
	enum { NCPUS = 3 };
	void *areas = aligned_alloc(percpu_area_align(), percpu_areas_bytes(NCPUS));
	if (argc < 2 || percpu_init(areas, NCPUS) != NCPUS)
		return 2;
	unsigned cpu = (unsigned)strtoul(argv[1], NULL, 0);
	per_cpu(value, cpu) += 2;
	return per_cpu(value, cpu) == 42 ? 0 : 1;
}
// SPDX-License-Identifier: BSD-2-Clause
