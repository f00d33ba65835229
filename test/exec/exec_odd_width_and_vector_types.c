// RUN: %percpu_cc -O2 -pthread %s -o %t && %t
// Verify that per-CPU objects whose loads and stores the x86 backend splits or widens keep %gs: on every piece, so that each CPU reads and writes its own copy and the template keeps its initial values: bit-fields in packed structs (i24, i48 accesses), _BitInt(37) and _BitInt(129), __int128, long double (x87), _Complex double, _Float16, vectors of 3 floats, and of 4 ints with a variable index, and struct copies of 33 and 200 bytes (inline and through this_cpu_ptr), at -O0, -O2, -Os and ThinLTO.
// RUN: %percpu_cc -O0 -pthread %s -o %t0 && %t0
// RUN: %percpu_cc -Os -pthread %s -o %ts && %ts
// RUN: %percpu_cc -O2 -flto=thin -fuse-ld=lld -pthread %s -o %tl && %tl
// REQUIRES: native-x86_64, runtime-x86_64
#include <stdint.h>

#include "Inputs/cpus.h"

#define NCPUS 3

typedef float v3f __attribute__((ext_vector_type(3)));
typedef int v4i __attribute__((vector_size(16)));
struct __attribute__((packed)) fields {
  char tag;
  unsigned x : 20, y : 4;
  unsigned long long z : 44;
};
struct odd {
  char c[33];
};
struct big {
  long w[25];
};

DEFINE_PER_CPU(struct fields, fields);
DEFINE_PER_CPU(_BitInt(37), b37) = 5;
DEFINE_PER_CPU(unsigned _BitInt(129), b129) = 7;
DEFINE_PER_CPU(__int128, i128) = 9;
DEFINE_PER_CPU(long double, ld) = 1.25L;
DEFINE_PER_CPU(_Complex double, cd);
DEFINE_PER_CPU(_Float16, f16) = 1.0;
DEFINE_PER_CPU(v3f, vf) = {1.5f, 2.5f, 3.5f};
DEFINE_PER_CPU(v4i, vi) = {1, 2, 3, 4};
DEFINE_PER_CPU(struct odd, odd_a);
DEFINE_PER_CPU(struct odd, odd_b);
DEFINE_PER_CPU(struct big, big_a);
DEFINE_PER_CPU(struct big, big_b);

__attribute__((noinline)) static int opaque(int x) { return x; }

static void work(unsigned cpu) {
  int c = (int)cpu + 1;
  fields.tag = 't';
  fields.x = 0xabcde + c;
  fields.y = c;
  fields.z = 0x1234567890ull + c;
  b37 += c;
  b37 *= 3;
  b129 <<= 70;
  b129 += c;
  i128 += (__int128)c << 80;
  ld += c;
  cd += c * 1.0 + c * 2.0i;
  f16 += (_Float16)c;
  vf.xz = vf.zx * (float)c;
  vi[opaque(2)] = 100 * c;
  __builtin_memset(&odd_b, 'a' + c, sizeof odd_b);
  odd_a = odd_b;
  for (int i = 0; i < 25; i++)
    big_b.w[i] = i * c;
  big_a = big_b;
}

#define TEMPLATE(var) (*(__typeof__(*this_cpu_ptr(&(var))) *)(uintptr_t)&(var))

int main(void) {
  init_areas(NCPUS);
  run_on_cpus(NCPUS, work);
  for (unsigned cpu = 0; cpu < NCPUS; cpu++) {
    int c = (int)cpu + 1;
    struct fields *f = per_cpu_ptr(&fields, cpu);
    EXPECT_EQ(f->tag, 't');
    EXPECT_EQ(f->x, 0xabcde + c);
    EXPECT_EQ(f->y, c);
    EXPECT_EQ(f->z, 0x1234567890ull + c);
    /* (per_cpu of a _BitInt does not compile with clang 16-18's header.) */
    EXPECT_EQ((long long)*(_BitInt(37) *)percpu_remote_ptr(&b37, cpu),
              (5 + c) * 3);
    EXPECT(*(unsigned _BitInt(129) *)percpu_remote_ptr(&b129, cpu) ==
           ((unsigned _BitInt(129))7 << 70) + c);
    EXPECT(per_cpu(i128, cpu) == 9 + ((__int128)c << 80));
    EXPECT(per_cpu(ld, cpu) == 1.25L + c);
    EXPECT(per_cpu(cd, cpu) == c * 1.0 + c * 2.0i);
    EXPECT(per_cpu(f16, cpu) == (_Float16)(1 + c));
    EXPECT(per_cpu(vf, cpu).x == 3.5f * c && per_cpu(vf, cpu).y == 2.5f &&
           per_cpu(vf, cpu).z == 1.5f * c);
    v4i *v = per_cpu_ptr(&vi, cpu);
    EXPECT_EQ((*v)[1], 2);
    EXPECT_EQ((*v)[2], 100 * c);
    for (int i = 0; i < 33; i++)
      EXPECT_EQ(per_cpu(odd_a, cpu).c[i], 'a' + c);
    for (int i = 0; i < 25; i++)
      EXPECT_EQ(per_cpu(big_a, cpu).w[i], i * c);
  }
  EXPECT_EQ(TEMPLATE(fields).x, 0);
  EXPECT_EQ((long long)*(_BitInt(37) *)(uintptr_t)&b37, 5);
  EXPECT(*(unsigned _BitInt(129) *)(uintptr_t)&b129 == 7);
  EXPECT(TEMPLATE(i128) == 9);
  EXPECT(TEMPLATE(ld) == 1.25L);
  EXPECT(TEMPLATE(f16) == (_Float16)1.0);
  EXPECT(TEMPLATE(vf).x == 1.5f);
  EXPECT_EQ(TEMPLATE(vi)[2], 3);
  EXPECT_EQ(TEMPLATE(odd_a).c[0], 0);
  EXPECT_EQ(TEMPLATE(big_a).w[24], 0);
  puts("OK");
  return 0;
}
// SPDX-License-Identifier: BSD-2-Clause
