/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * C++ on per-CPU variables, shared by the native test (threads as CPUs)
 * and the qemu-user ones (one thread that switches its base register):
 * structs and classes with member functions called through this_cpu_ptr
 * and per_cpu references, arrays of them, templates over per-CPU
 * pointers, references, lambdas, namespaces, constexpr initialisers, and
 * invokes (calls that may throw, with destructors and catch handlers).
 *
 * The includer defines CHECK_EQ(a, b) and throw_if_odd(n), a function that
 * the compiler cannot see through (natively it throws n when n is odd;
 * without a C++ runtime it never throws). cxx_work(cpu) runs once as each
 * CPU, then cxx_verify(ncpus) checks every CPU's copies and the template.
 */
#ifndef PERCPU_TEST_CXX_FEATURES_H
#define PERCPU_TEST_CXX_FEATURES_H

#include <percpu.h>

extern void (*volatile throw_if_odd)(unsigned n);

namespace cxx_test {

constexpr unsigned long twice(unsigned long x) { return 2 * x; }

/* A struct with member functions. A per-CPU class is an aggregate with a
 * brace initialiser (README.md, "C++"). */
struct Counter {
  unsigned long events;
  unsigned long last;
  void add(unsigned long n) {
    events += n;
    last = n;
  }
  unsigned long total() const { return events; }
};

/* Default member initialisers, one from a constexpr function. */
struct Config {
  int level = 3;
  unsigned long limit = twice(21);
  bool over(unsigned long n) const { return n > limit; }
};

class Stats {
public:
  long sum, count;
  Stats &operator+=(long v) {
    sum += v;
    count++;
    return *this;
  }
  long mean() const { return count ? sum / count : 0; }
};

DEFINE_PER_CPU(Counter, counter) = {};
DEFINE_PER_CPU(Config, config) = {};
DEFINE_PER_CPU(Stats, stats) = {100, 1};
DEFINE_PER_CPU(Counter, slots[3]) = {};
constexpr int kBase = 1000;
DEFINE_PER_CPU(int, based) = kBase + (int)twice(5);
DEFINE_PER_CPU(unsigned long, unwound);
DEFINE_PER_CPU(unsigned long, caught);

namespace inner {
DEFINE_PER_CPU(long, ticks) = -1;
}
namespace {
DEFINE_PER_CPU(unsigned, hidden);
}

/* A reference to a per-CPU variable: every access reaches this CPU's copy. */
unsigned __percpu &hidden_ref = hidden;

/* Templates over per-CPU pointers. */
template <class T> T read_mine(const T __percpu *p) {
  return *this_cpu_ptr(p);
}
template <class T> void add_mine(T __percpu *p, T n) { this_cpu_add(*p, n); }
template <class T> T sum_over(const T __percpu *p, unsigned ncpus) {
  T sum = 0;
  for (unsigned cpu = 0; cpu < ncpus; cpu++)
    sum += *per_cpu_ptr(p, cpu);
  return sum;
}
/* A class template holding a per-CPU pointer. */
template <class T> struct Mine {
  T __percpu *p;
  T &get() const { return *this_cpu_ptr(p); }
};

/* Through an ordinary reference to this CPU's copy. */
static void add_through(Counter &c, unsigned long n) { c.add(n); }

/* Runs on unwinding out of the try block and on leaving it normally. */
struct CountUnwound {
  ~CountUnwound() { this_cpu_inc(unwound); }
};

static void with_exceptions(unsigned cpu) {
  for (unsigned i = 0; i < 4; i++) {
    try {
      CountUnwound guard;
      this_cpu_ptr(&counter)->add(1);
      throw_if_odd(i + cpu);
      this_cpu_ptr(&stats)->operator+=(1);
    } catch (unsigned n) {
      this_cpu_add(caught, n);
    }
  }
}

static void cxx_work(unsigned cpu) {
  Counter &mine = *this_cpu_ptr(&counter);
  mine.add(cpu + 1);
  add_through(per_cpu(counter, cpu), 10);
  CHECK_EQ(this_cpu_ptr(&counter)->total(), cpu + 11);
  CHECK_EQ(per_cpu(counter, cpu).last, 10);

  Config &cfg = *this_cpu_ptr(&config);
  CHECK_EQ(cfg.level, 3);
  CHECK_EQ(cfg.limit, 42);
  cfg.level += (int)cpu;
  CHECK_EQ(cfg.over(40 + cpu), cpu > 2);

  *this_cpu_ptr(&stats) += (long)cpu * 10;
  CHECK_EQ(this_cpu_ptr(&stats)->mean(), (100 + (long)cpu * 10) / 2);

  per_cpu(slots, cpu)[cpu % 3].add(cpu + 5);
  this_cpu_ptr(&slots[2])->add(1);

  CHECK_EQ(read_mine(&based), 1010);
  add_mine(&based, (int)cpu);
  Mine<long> ticks{&inner::ticks};
  ticks.get() += (long)cpu * 3;
  CHECK_EQ(read_mine(&inner::ticks), (long)cpu * 3 - 1);

  hidden_ref = cpu * 7;
  hidden_ref += 1;
  CHECK_EQ(this_cpu_read(hidden), cpu * 7 + 1);

  /* Lambdas: one capturing a per-CPU pointer, a generic one taking it. */
  auto bump = [p = &counter](unsigned long n) { this_cpu_ptr(p)->add(n); };
  bump(100);
  auto cmpxchg = [](auto __percpu *p, auto oval, auto nval) {
    return this_cpu_cmpxchg(*p, oval, nval);
  };
  CHECK_EQ(cmpxchg(&based, 1010 + (int)cpu, 2000 + (int)cpu), 1010 + cpu);
  CHECK_EQ(cmpxchg(&based, 1, 2), 2000 + cpu); /* no store */

  with_exceptions(cpu);
}

static void cxx_verify(unsigned ncpus) {
  for (unsigned cpu = 0; cpu < ncpus; cpu++) {
    /* 1 per loop round of with_exceptions, after cpu + 11 and 100. */
    CHECK_EQ(per_cpu(counter, cpu).total(), cpu + 11 + 100 + 4);
    CHECK_EQ(per_cpu(config, cpu).level, 3 + (int)cpu);
    CHECK_EQ(per_cpu(based, cpu), 2000 + (int)cpu);
    CHECK_EQ(per_cpu(inner::ticks, cpu), (long)cpu * 3 - 1);
    CHECK_EQ(per_cpu(hidden, cpu), cpu * 7 + 1);
    for (unsigned i = 0; i < 3; i++)
      CHECK_EQ(per_cpu(slots, cpu)[i].total(),
               (i == cpu % 3 ? cpu + 5 : 0) + (i == 2));
    CHECK_EQ(per_cpu(unwound, cpu), 4);
#ifdef CXX_CAN_THROW
    /* i + cpu odd for i = 0..3: two rounds throw, the others count. */
    unsigned odd_sum = 0, even = 0;
    for (unsigned i = 0; i < 4; i++)
      (i + cpu) % 2 ? odd_sum += i + cpu : even++;
    CHECK_EQ(per_cpu(caught, cpu), odd_sum);
    CHECK_EQ(per_cpu(stats, cpu).count, 2 + even);
#else
    CHECK_EQ(per_cpu(caught, cpu), 0);
    CHECK_EQ(per_cpu(stats, cpu).count, 2 + 4);
#endif
  }
  CHECK_EQ(sum_over(&based, ncpus), 2000 * (int)ncpus +
                                        (int)(ncpus * (ncpus - 1) / 2));
  /* The template, which no CPU's register reaches, is untouched. */
  CHECK_EQ(counter.events, 0);
  CHECK_EQ(based, 1010);
  CHECK_EQ(inner::ticks, -1);
  CHECK_EQ(hidden_ref, 0);
  CHECK_EQ(config.limit, 42);
}

} // namespace cxx_test

#endif
