/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Kernel-style per-CPU code: statistics counters, a lock-free per-CPU free
 * list, per-CPU pointers handed between functions, get_cpu_var sections and
 * a for_each_possible_cpu sum. It uses no libc, so it builds freestanding.
 */
#include <percpu.h>

#include "kernel_module.h"

struct net_stats {
	unsigned long packets;
	unsigned long bytes;
	unsigned int drops;
	unsigned char last_len;
};

enum cpu_mode { MODE_IDLE = 3, MODE_BUSY = 7 };

struct node {
	struct node *next;
	unsigned long owner;
};

DEFINE_PER_CPU_SHARED_ALIGNED(struct net_stats, net_stats);
DEFINE_PER_CPU(long, refcount) = 100;
DEFINE_PER_CPU(unsigned short, wraps) = 65530;
DEFINE_PER_CPU(_Bool, active);
DEFINE_PER_CPU(enum cpu_mode, cpu_mode) = MODE_IDLE;
DEFINE_PER_CPU(signed char, delta) = -5;
DEFINE_PER_CPU(struct node *, free_list);
DEFINE_PER_CPU(unsigned long, pushes);
DEFINE_PER_CPU_PAGE_ALIGNED(unsigned char, scratch[4096]);
DEFINE_PER_CPU_READ_MOSTLY(unsigned int, cpu_number) = 0xffffffffu;
static DEFINE_PER_CPU(unsigned long, pointer_bumps);

static struct node pool[KM_MAX_CPUS][KM_NODES_PER_CPU];

static unsigned long packet_len(unsigned cpu, unsigned round)
{
	return cpu * 10 + round % 7 + 1;
}

static void account_packet(unsigned long len)
{
	this_cpu_inc(net_stats.packets);
	this_cpu_add(net_stats.bytes, len);
	__this_cpu_write(net_stats.last_len, (unsigned char)len);
}

/* Lock-free against interrupts on this CPU: cmpxchg on this CPU's head. */
static void free_list_push(struct node *n)
{
	struct node *old;

	do {
		old = this_cpu_read(free_list);
		n->next = old;
	} while (this_cpu_cmpxchg(free_list, old, n) != old);
	this_cpu_inc(pushes);
}

static struct node *free_list_pop(void)
{
	struct node *old = this_cpu_read(free_list);

	while (old && !this_cpu_try_cmpxchg(free_list, &old, old->next))
		;
	return old;
}

/* A per-CPU pointer handed to a helper, dereferenced there. */
static void bump(unsigned long __percpu *counter, unsigned long by)
{
	*this_cpu_ptr(counter) += by;
}

static unsigned long __percpu *pick_counter(void)
{
	return &pointer_bumps;
}

void km_cpu_work(unsigned cpu, unsigned rounds)
{
	this_cpu_write(cpu_number, cpu);
	this_cpu_write(active, 1);
	for (unsigned i = 0; i < KM_NODES_PER_CPU; i++) {
		pool[cpu][i].owner = cpu;
		free_list_push(&pool[cpu][i]);
	}
	for (unsigned r = 0; r < rounds; r++) {
		account_packet(packet_len(cpu, r));
		this_cpu_inc(refcount);
		this_cpu_dec(refcount);
		this_cpu_add(refcount, 2);
		this_cpu_inc(wraps);
		this_cpu_add(delta, 1);
		this_cpu_write(cpu_mode, r % 2 ? MODE_BUSY : MODE_IDLE);

		struct node *n = free_list_pop();
		if (n) {
			n->owner += 1000;
			free_list_push(n);
		}
		if (r % 3 == 0) {
			struct net_stats *s = &get_cpu_var(net_stats);
			s->drops++;
			put_cpu_var(net_stats);
		}
		bump(pick_counter(), cpu + 1);
		raw_cpu_write(scratch[r % 4096], (unsigned char)(cpu + r));
	}
}

/* Counts a check and whether it failed. */
#define KM_CHECK(cond)                                                        \
	do {                                                                  \
		(*checks)++;                                                  \
		failed += !(cond);                                            \
	} while (0)

static unsigned check_cpu(unsigned cpu, unsigned rounds, unsigned *checks)
{
	unsigned failed = 0;
	unsigned long packets = 0, bytes = 0;

	for (unsigned r = 0; r < rounds; r++) {
		packets++;
		bytes += packet_len(cpu, r);
	}
	struct net_stats *s = per_cpu_ptr(&net_stats, cpu);
	KM_CHECK(s->packets == packets);
	KM_CHECK(s->bytes == bytes);
	KM_CHECK(s->drops == (rounds + 2) / 3);
	KM_CHECK(s->last_len == (unsigned char)packet_len(cpu, rounds - 1));
	KM_CHECK(((uintptr_t)s & (PERCPU_CACHELINE_BYTES - 1)) == 0);
	KM_CHECK(per_cpu(refcount, cpu) == 100 + 2 * (long)rounds);
	KM_CHECK(per_cpu(wraps, cpu) == (unsigned short)(65530 + rounds));
	KM_CHECK(per_cpu(active, cpu) == 1);
	KM_CHECK(per_cpu(cpu_mode, cpu) ==
		 ((rounds - 1) % 2 ? MODE_BUSY : MODE_IDLE));
	KM_CHECK(per_cpu(delta, cpu) == (signed char)(-5 + (int)rounds));
	KM_CHECK(per_cpu(cpu_number, cpu) == cpu);
	KM_CHECK(per_cpu(pointer_bumps, cpu) == (unsigned long)rounds * (cpu + 1));
	KM_CHECK(per_cpu(pushes, cpu) == KM_NODES_PER_CPU + rounds);
	KM_CHECK(((uintptr_t)per_cpu_ptr(&scratch, cpu) & (PERCPU_PAGE_BYTES - 1)) == 0);
	KM_CHECK(per_cpu(scratch[(rounds - 1) % 4096], cpu) ==
		 (unsigned char)(cpu + rounds - 1));

	/* The free list holds this CPU's nodes only, each touched as counted. */
	unsigned nodes = 0;
	unsigned long touches = 0;
	for (struct node *n = per_cpu(free_list, cpu); n; n = n->next) {
		nodes++;
		KM_CHECK(n->owner % 1000 == cpu);
		touches += n->owner / 1000;
	}
	KM_CHECK(nodes == KM_NODES_PER_CPU);
	KM_CHECK(touches == rounds);
	return failed;
}

unsigned km_check(unsigned ncpus, unsigned rounds, unsigned *checks)
{
	unsigned failed = 0, cpu;
	unsigned long total = 0;

	*checks = 0;
	KM_CHECK(percpu_area_num() == ncpus);
	for_each_possible_cpu(cpu) {
		failed += check_cpu(cpu, rounds, checks);
		total += per_cpu(net_stats.packets, cpu);
	}
	KM_CHECK(total == (unsigned long)ncpus * rounds);

	/* With the base register at 0 this CPU sees the untouched template. */
	KM_CHECK(this_cpu_read(net_stats.packets) == 0);
	KM_CHECK(this_cpu_read(refcount) == 100);
	KM_CHECK(this_cpu_read(wraps) == 65530);
	KM_CHECK(this_cpu_read(cpu_mode) == MODE_IDLE);
	KM_CHECK(this_cpu_read(cpu_number) == 0xffffffffu);
	KM_CHECK(this_cpu_read(free_list) == NULL);
	return failed;
}
