// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that this_cpu_inc/dec/add/sub/and/or on 8, 4, 2 and 1-byte per-CPU variables are exactly one %gs:-prefixed instruction without LOCK at -O2 (inc/dec for +-1, an immediate or a register operand otherwise), and that at -O0, where clang passes the operand through the stack, the update is still one unlocked %gs:-prefixed instruction, with the operand in a register and no other %gs: access and no cmpxchg loop.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=O0

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, rmw_u64);
DEFINE_PER_CPU(unsigned int, rmw_u32);
DEFINE_PER_CPU(unsigned short, rmw_u16);
DEFINE_PER_CPU(unsigned char, rmw_u8);

// CHECK-LABEL: {{^}}inc_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: incq %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}inc_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void inc_u64(void) { this_cpu_inc(rmw_u64); }

// CHECK-LABEL: {{^}}dec_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: decq %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}dec_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void dec_u64(void) { this_cpu_dec(rmw_u64); }

// CHECK-LABEL: {{^}}add_imm_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: addq $1000, %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}add_imm_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void add_imm_u64(void) { this_cpu_add(rmw_u64, 1000); }

// CHECK-LABEL: {{^}}add_reg_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: addq %rdi, %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}add_reg_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void add_reg_u64(unsigned long n) { this_cpu_add(rmw_u64, n); }

// CHECK-LABEL: {{^}}sub_imm_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: subq $1000, %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}sub_imm_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void sub_imm_u64(void) { this_cpu_sub(rmw_u64, 1000); }

// CHECK-LABEL: {{^}}sub_reg_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: subq %rdi, %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}sub_reg_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void sub_reg_u64(unsigned long n) { this_cpu_sub(rmw_u64, n); }

// CHECK-LABEL: {{^}}and_imm_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: andq $1000, %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}and_imm_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: andq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void and_imm_u64(void) { this_cpu_and(rmw_u64, 1000); }

// CHECK-LABEL: {{^}}and_reg_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: andq %rdi, %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}and_reg_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: andq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void and_reg_u64(unsigned long n) { this_cpu_and(rmw_u64, n); }

// CHECK-LABEL: {{^}}or_imm_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: orq $1000, %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}or_imm_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: orq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void or_imm_u64(void) { this_cpu_or(rmw_u64, 1000); }

// CHECK-LABEL: {{^}}or_reg_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: orq %rdi, %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}or_reg_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: orq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void or_reg_u64(unsigned long n) { this_cpu_or(rmw_u64, n); }

// CHECK-LABEL: {{^}}inc_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: incl %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}inc_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void inc_u32(void) { this_cpu_inc(rmw_u32); }

// CHECK-LABEL: {{^}}dec_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: decl %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}dec_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void dec_u32(void) { this_cpu_dec(rmw_u32); }

// CHECK-LABEL: {{^}}add_imm_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: addl $74565, %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}add_imm_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void add_imm_u32(void) { this_cpu_add(rmw_u32, 0x12345); }

// CHECK-LABEL: {{^}}add_reg_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: addl %edi, %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}add_reg_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void add_reg_u32(unsigned int n) { this_cpu_add(rmw_u32, n); }

// CHECK-LABEL: {{^}}sub_imm_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: subl $74565, %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}sub_imm_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void sub_imm_u32(void) { this_cpu_sub(rmw_u32, 0x12345); }

// CHECK-LABEL: {{^}}sub_reg_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: subl %edi, %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}sub_reg_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void sub_reg_u32(unsigned int n) { this_cpu_sub(rmw_u32, n); }

// CHECK-LABEL: {{^}}and_imm_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: andl $74565, %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}and_imm_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: andl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void and_imm_u32(void) { this_cpu_and(rmw_u32, 0x12345); }

// CHECK-LABEL: {{^}}and_reg_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: andl %edi, %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}and_reg_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: andl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void and_reg_u32(unsigned int n) { this_cpu_and(rmw_u32, n); }

// CHECK-LABEL: {{^}}or_imm_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: orl $74565, %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}or_imm_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: orl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void or_imm_u32(void) { this_cpu_or(rmw_u32, 0x12345); }

// CHECK-LABEL: {{^}}or_reg_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: orl %edi, %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}or_reg_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: orl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void or_reg_u32(unsigned int n) { this_cpu_or(rmw_u32, n); }

// CHECK-LABEL: {{^}}inc_u16:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: incw %gs:rmw_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}inc_u16:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addw %{{[a-z0-9]+}}, %gs:rmw_u16(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void inc_u16(void) { this_cpu_inc(rmw_u16); }

// CHECK-LABEL: {{^}}dec_u16:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: decw %gs:rmw_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}dec_u16:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subw %{{[a-z0-9]+}}, %gs:rmw_u16(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void dec_u16(void) { this_cpu_dec(rmw_u16); }

// CHECK-LABEL: {{^}}add_imm_u16:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: addw $256, %gs:rmw_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}add_imm_u16:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addw %{{[a-z0-9]+}}, %gs:rmw_u16(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void add_imm_u16(void) { this_cpu_add(rmw_u16, 0x100); }

// CHECK-LABEL: {{^}}add_reg_u16:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: addw %di, %gs:rmw_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}add_reg_u16:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addw %{{[a-z0-9]+}}, %gs:rmw_u16(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void add_reg_u16(unsigned short n) { this_cpu_add(rmw_u16, n); }

// CHECK-LABEL: {{^}}sub_imm_u16:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: subw $256, %gs:rmw_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}sub_imm_u16:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subw %{{[a-z0-9]+}}, %gs:rmw_u16(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void sub_imm_u16(void) { this_cpu_sub(rmw_u16, 0x100); }

// CHECK-LABEL: {{^}}sub_reg_u16:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: subw %di, %gs:rmw_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}sub_reg_u16:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subw %{{[a-z0-9]+}}, %gs:rmw_u16(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void sub_reg_u16(unsigned short n) { this_cpu_sub(rmw_u16, n); }

// CHECK-LABEL: {{^}}and_imm_u16:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: andw $256, %gs:rmw_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}and_imm_u16:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: andw %{{[a-z0-9]+}}, %gs:rmw_u16(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void and_imm_u16(void) { this_cpu_and(rmw_u16, 0x100); }

// CHECK-LABEL: {{^}}and_reg_u16:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: andw %di, %gs:rmw_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}and_reg_u16:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: andw %{{[a-z0-9]+}}, %gs:rmw_u16(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void and_reg_u16(unsigned short n) { this_cpu_and(rmw_u16, n); }

// CHECK-LABEL: {{^}}or_imm_u16:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: orw $256, %gs:rmw_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}or_imm_u16:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: orw %{{[a-z0-9]+}}, %gs:rmw_u16(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void or_imm_u16(void) { this_cpu_or(rmw_u16, 0x100); }

// CHECK-LABEL: {{^}}or_reg_u16:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: orw %di, %gs:rmw_u16(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}or_reg_u16:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: orw %{{[a-z0-9]+}}, %gs:rmw_u16(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void or_reg_u16(unsigned short n) { this_cpu_or(rmw_u16, n); }

// CHECK-LABEL: {{^}}inc_u8:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: incb %gs:rmw_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}inc_u8:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addb %{{[a-z0-9]+}}, %gs:rmw_u8(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void inc_u8(void) { this_cpu_inc(rmw_u8); }

// CHECK-LABEL: {{^}}dec_u8:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: decb %gs:rmw_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}dec_u8:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subb %{{[a-z0-9]+}}, %gs:rmw_u8(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void dec_u8(void) { this_cpu_dec(rmw_u8); }

// CHECK-LABEL: {{^}}add_imm_u8:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: addb $64, %gs:rmw_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}add_imm_u8:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addb %{{[a-z0-9]+}}, %gs:rmw_u8(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void add_imm_u8(void) { this_cpu_add(rmw_u8, 0x40); }

// CHECK-LABEL: {{^}}add_reg_u8:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: addb %dil, %gs:rmw_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}add_reg_u8:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addb %{{[a-z0-9]+}}, %gs:rmw_u8(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void add_reg_u8(unsigned char n) { this_cpu_add(rmw_u8, n); }

// CHECK-LABEL: {{^}}sub_imm_u8:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: subb $64, %gs:rmw_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}sub_imm_u8:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subb %{{[a-z0-9]+}}, %gs:rmw_u8(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void sub_imm_u8(void) { this_cpu_sub(rmw_u8, 0x40); }

// CHECK-LABEL: {{^}}sub_reg_u8:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: subb %dil, %gs:rmw_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}sub_reg_u8:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subb %{{[a-z0-9]+}}, %gs:rmw_u8(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void sub_reg_u8(unsigned char n) { this_cpu_sub(rmw_u8, n); }

// CHECK-LABEL: {{^}}and_imm_u8:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: andb $64, %gs:rmw_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}and_imm_u8:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: andb %{{[a-z0-9]+}}, %gs:rmw_u8(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void and_imm_u8(void) { this_cpu_and(rmw_u8, 0x40); }

// CHECK-LABEL: {{^}}and_reg_u8:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: andb %dil, %gs:rmw_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}and_reg_u8:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: andb %{{[a-z0-9]+}}, %gs:rmw_u8(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void and_reg_u8(unsigned char n) { this_cpu_and(rmw_u8, n); }

// CHECK-LABEL: {{^}}or_imm_u8:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: orb $64, %gs:rmw_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}or_imm_u8:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: orb %{{[a-z0-9]+}}, %gs:rmw_u8(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void or_imm_u8(void) { this_cpu_or(rmw_u8, 0x40); }

// CHECK-LABEL: {{^}}or_reg_u8:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: orb %dil, %gs:rmw_u8(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}or_reg_u8:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: orb %{{[a-z0-9]+}}, %gs:rmw_u8(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void or_reg_u8(unsigned char n) { this_cpu_or(rmw_u8, n); }

// Adding -1 is a decrement and subtracting -1 an increment.
// CHECK-LABEL: {{^}}add_minus_one_u32:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: decl %gs:rmw_u32(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}add_minus_one_u32:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: addl %{{[a-z0-9]+}}, %gs:rmw_u32(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void add_minus_one_u32(void) { this_cpu_add(rmw_u32, -1); }

// CHECK-LABEL: {{^}}sub_minus_one_u64:
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: incq %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
// O0-LABEL: {{^}}sub_minus_one_u64:
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: #APP
// O0-NOT: lock
// O0-NEXT: subq %{{[a-z0-9]+}}, %gs:rmw_u64(%rip)
// O0-NEXT: #NO_APP
// O0-NOT: {{lock|%gs:|cmpxchg}}
// O0: retq
void sub_minus_one_u64(void) { this_cpu_sub(rmw_u64, -1L); }

// A 64-bit constant that is no sign-extended 32-bit immediate goes through a register.
// CHECK-LABEL: {{^}}add_big_u64:
// CHECK-NEXT: movabsq $4294967296, %[[BIG:[a-z0-9]+]]
// CHECK-NEXT: #APP
// CHECK-NOT: lock
// CHECK-NEXT: addq %[[BIG]], %gs:rmw_u64(%rip)
// CHECK-NEXT: #NO_APP
// CHECK-NEXT: retq
void add_big_u64(void) { this_cpu_add(rmw_u64, 0x100000000UL); }

// Nothing anywhere carries a LOCK prefix.
// CHECK-NOT: lock
// O0-NOT: lock
// SPDX-License-Identifier: BSD-2-Clause
