// RUN: %percpu_clang --target=x86_64-linux-gnu -O2 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s
// Verify that this_cpu_read/this_cpu_write, __this_cpu_read/__this_cpu_write and plain C reads and writes of a per-CPU variable of 8, 4, 2 and 1 bytes and of pointer type are each exactly one %gs:-prefixed mov of the variable's (%rip)-relative address at -O2, and still one %gs:-prefixed mov at -O0.
// RUN: %percpu_clang --target=x86_64-linux-gnu -O0 -fno-asynchronous-unwind-tables -fno-verbose-asm -S -o - %s | FileCheck %s --check-prefix=O0

#include <percpu.h>

DEFINE_PER_CPU(unsigned long, pc_u64);
DEFINE_PER_CPU(unsigned int, pc_u32);
DEFINE_PER_CPU(unsigned short, pc_u16);
DEFINE_PER_CPU(unsigned char, pc_u8);
DEFINE_PER_CPU(int *, pc_ptr);

// CHECK-LABEL: {{^}}read_u64:
// CHECK-NEXT: movq %gs:pc_u64(%rip), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}read_u64:
// O0-NOT: %gs:
// O0: movq %gs:pc_u64(%rip), %rax
// O0-NOT: %gs:
// O0: retq
unsigned long read_u64(void) { return this_cpu_read(pc_u64); }

// CHECK-LABEL: {{^}}raw_read_u64:
// CHECK-NEXT: movq %gs:pc_u64(%rip), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_read_u64:
// O0-NOT: %gs:
// O0: movq %gs:pc_u64(%rip), %rax
// O0-NOT: %gs:
// O0: retq
unsigned long raw_read_u64(void) { return __this_cpu_read(pc_u64); }

// CHECK-LABEL: {{^}}plain_read_u64:
// CHECK-NEXT: movq %gs:pc_u64(%rip), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}plain_read_u64:
// O0-NOT: %gs:
// O0: movq %gs:pc_u64(%rip), %rax
// O0-NOT: %gs:
// O0: retq
unsigned long plain_read_u64(void) { return pc_u64; }

// CHECK-LABEL: {{^}}write_u64:
// CHECK-NEXT: movq %rdi, %gs:pc_u64(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}write_u64:
// O0-NOT: %gs:
// O0: movq %{{[a-z]+}}, %gs:pc_u64(%rip)
// O0-NOT: %gs:
// O0: retq
void write_u64(unsigned long v) { this_cpu_write(pc_u64, v); }

// CHECK-LABEL: {{^}}raw_write_u64:
// CHECK-NEXT: movq %rdi, %gs:pc_u64(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_write_u64:
// O0-NOT: %gs:
// O0: movq %{{[a-z]+}}, %gs:pc_u64(%rip)
// O0-NOT: %gs:
// O0: retq
void raw_write_u64(unsigned long v) { __this_cpu_write(pc_u64, v); }

// CHECK-LABEL: {{^}}plain_write_u64:
// CHECK-NEXT: movq %rdi, %gs:pc_u64(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}plain_write_u64:
// O0-NOT: %gs:
// O0: movq %{{[a-z]+}}, %gs:pc_u64(%rip)
// O0-NOT: %gs:
// O0: retq
void plain_write_u64(unsigned long v) { pc_u64 = v; }

// CHECK-LABEL: {{^}}read_u32:
// CHECK-NEXT: movl %gs:pc_u32(%rip), %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}read_u32:
// O0-NOT: %gs:
// O0: movl %gs:pc_u32(%rip), %eax
// O0-NOT: %gs:
// O0: retq
unsigned int read_u32(void) { return this_cpu_read(pc_u32); }

// CHECK-LABEL: {{^}}raw_read_u32:
// CHECK-NEXT: movl %gs:pc_u32(%rip), %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_read_u32:
// O0-NOT: %gs:
// O0: movl %gs:pc_u32(%rip), %eax
// O0-NOT: %gs:
// O0: retq
unsigned int raw_read_u32(void) { return __this_cpu_read(pc_u32); }

// CHECK-LABEL: {{^}}plain_read_u32:
// CHECK-NEXT: movl %gs:pc_u32(%rip), %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}plain_read_u32:
// O0-NOT: %gs:
// O0: movl %gs:pc_u32(%rip), %eax
// O0-NOT: %gs:
// O0: retq
unsigned int plain_read_u32(void) { return pc_u32; }

// CHECK-LABEL: {{^}}write_u32:
// CHECK-NEXT: movl %edi, %gs:pc_u32(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}write_u32:
// O0-NOT: %gs:
// O0: movl %{{[a-z]+}}, %gs:pc_u32(%rip)
// O0-NOT: %gs:
// O0: retq
void write_u32(unsigned int v) { this_cpu_write(pc_u32, v); }

// CHECK-LABEL: {{^}}raw_write_u32:
// CHECK-NEXT: movl %edi, %gs:pc_u32(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_write_u32:
// O0-NOT: %gs:
// O0: movl %{{[a-z]+}}, %gs:pc_u32(%rip)
// O0-NOT: %gs:
// O0: retq
void raw_write_u32(unsigned int v) { __this_cpu_write(pc_u32, v); }

// CHECK-LABEL: {{^}}plain_write_u32:
// CHECK-NEXT: movl %edi, %gs:pc_u32(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}plain_write_u32:
// O0-NOT: %gs:
// O0: movl %{{[a-z]+}}, %gs:pc_u32(%rip)
// O0-NOT: %gs:
// O0: retq
void plain_write_u32(unsigned int v) { pc_u32 = v; }

// CHECK-LABEL: {{^}}read_u16:
// CHECK-NEXT: movzwl %gs:pc_u16(%rip), %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}read_u16:
// O0-NOT: %gs:
// O0: movw %gs:pc_u16(%rip), %ax
// O0-NOT: %gs:
// O0: retq
unsigned short read_u16(void) { return this_cpu_read(pc_u16); }

// CHECK-LABEL: {{^}}raw_read_u16:
// CHECK-NEXT: movzwl %gs:pc_u16(%rip), %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_read_u16:
// O0-NOT: %gs:
// O0: movw %gs:pc_u16(%rip), %ax
// O0-NOT: %gs:
// O0: retq
unsigned short raw_read_u16(void) { return __this_cpu_read(pc_u16); }

// CHECK-LABEL: {{^}}plain_read_u16:
// CHECK-NEXT: movzwl %gs:pc_u16(%rip), %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}plain_read_u16:
// O0-NOT: %gs:
// O0: movw %gs:pc_u16(%rip), %ax
// O0-NOT: %gs:
// O0: retq
unsigned short plain_read_u16(void) { return pc_u16; }

// CHECK-LABEL: {{^}}write_u16:
// CHECK-NEXT: movw %di, %gs:pc_u16(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}write_u16:
// O0-NOT: %gs:
// O0: movw %{{[a-z]+}}, %gs:pc_u16(%rip)
// O0-NOT: %gs:
// O0: retq
void write_u16(unsigned short v) { this_cpu_write(pc_u16, v); }

// CHECK-LABEL: {{^}}raw_write_u16:
// CHECK-NEXT: movw %di, %gs:pc_u16(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_write_u16:
// O0-NOT: %gs:
// O0: movw %{{[a-z]+}}, %gs:pc_u16(%rip)
// O0-NOT: %gs:
// O0: retq
void raw_write_u16(unsigned short v) { __this_cpu_write(pc_u16, v); }

// CHECK-LABEL: {{^}}plain_write_u16:
// CHECK-NEXT: movw %di, %gs:pc_u16(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}plain_write_u16:
// O0-NOT: %gs:
// O0: movw %{{[a-z]+}}, %gs:pc_u16(%rip)
// O0-NOT: %gs:
// O0: retq
void plain_write_u16(unsigned short v) { pc_u16 = v; }

// CHECK-LABEL: {{^}}read_u8:
// CHECK-NEXT: movzbl %gs:pc_u8(%rip), %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}read_u8:
// O0-NOT: %gs:
// O0: movb %gs:pc_u8(%rip), %al
// O0-NOT: %gs:
// O0: retq
unsigned char read_u8(void) { return this_cpu_read(pc_u8); }

// CHECK-LABEL: {{^}}raw_read_u8:
// CHECK-NEXT: movzbl %gs:pc_u8(%rip), %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_read_u8:
// O0-NOT: %gs:
// O0: movb %gs:pc_u8(%rip), %al
// O0-NOT: %gs:
// O0: retq
unsigned char raw_read_u8(void) { return __this_cpu_read(pc_u8); }

// CHECK-LABEL: {{^}}plain_read_u8:
// CHECK-NEXT: movzbl %gs:pc_u8(%rip), %eax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}plain_read_u8:
// O0-NOT: %gs:
// O0: movb %gs:pc_u8(%rip), %al
// O0-NOT: %gs:
// O0: retq
unsigned char plain_read_u8(void) { return pc_u8; }

// CHECK-LABEL: {{^}}write_u8:
// CHECK-NEXT: movb %dil, %gs:pc_u8(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}write_u8:
// O0-NOT: %gs:
// O0: movb %{{[a-z]+}}, %gs:pc_u8(%rip)
// O0-NOT: %gs:
// O0: retq
void write_u8(unsigned char v) { this_cpu_write(pc_u8, v); }

// CHECK-LABEL: {{^}}raw_write_u8:
// CHECK-NEXT: movb %dil, %gs:pc_u8(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_write_u8:
// O0-NOT: %gs:
// O0: movb %{{[a-z]+}}, %gs:pc_u8(%rip)
// O0-NOT: %gs:
// O0: retq
void raw_write_u8(unsigned char v) { __this_cpu_write(pc_u8, v); }

// CHECK-LABEL: {{^}}plain_write_u8:
// CHECK-NEXT: movb %dil, %gs:pc_u8(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}plain_write_u8:
// O0-NOT: %gs:
// O0: movb %{{[a-z]+}}, %gs:pc_u8(%rip)
// O0-NOT: %gs:
// O0: retq
void plain_write_u8(unsigned char v) { pc_u8 = v; }

// CHECK-LABEL: {{^}}read_ptr:
// CHECK-NEXT: movq %gs:pc_ptr(%rip), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}read_ptr:
// O0-NOT: %gs:
// O0: movq %gs:pc_ptr(%rip), %rax
// O0-NOT: %gs:
// O0: retq
int * read_ptr(void) { return this_cpu_read(pc_ptr); }

// CHECK-LABEL: {{^}}raw_read_ptr:
// CHECK-NEXT: movq %gs:pc_ptr(%rip), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_read_ptr:
// O0-NOT: %gs:
// O0: movq %gs:pc_ptr(%rip), %rax
// O0-NOT: %gs:
// O0: retq
int * raw_read_ptr(void) { return __this_cpu_read(pc_ptr); }

// CHECK-LABEL: {{^}}plain_read_ptr:
// CHECK-NEXT: movq %gs:pc_ptr(%rip), %rax
// CHECK-NEXT: retq
// O0-LABEL: {{^}}plain_read_ptr:
// O0-NOT: %gs:
// O0: movq %gs:pc_ptr(%rip), %rax
// O0-NOT: %gs:
// O0: retq
int * plain_read_ptr(void) { return pc_ptr; }

// CHECK-LABEL: {{^}}write_ptr:
// CHECK-NEXT: movq %rdi, %gs:pc_ptr(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}write_ptr:
// O0-NOT: %gs:
// O0: movq %{{[a-z]+}}, %gs:pc_ptr(%rip)
// O0-NOT: %gs:
// O0: retq
void write_ptr(int * v) { this_cpu_write(pc_ptr, v); }

// CHECK-LABEL: {{^}}raw_write_ptr:
// CHECK-NEXT: movq %rdi, %gs:pc_ptr(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}raw_write_ptr:
// O0-NOT: %gs:
// O0: movq %{{[a-z]+}}, %gs:pc_ptr(%rip)
// O0-NOT: %gs:
// O0: retq
void raw_write_ptr(int * v) { __this_cpu_write(pc_ptr, v); }

// CHECK-LABEL: {{^}}plain_write_ptr:
// CHECK-NEXT: movq %rdi, %gs:pc_ptr(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}plain_write_ptr:
// O0-NOT: %gs:
// O0: movq %{{[a-z]+}}, %gs:pc_ptr(%rip)
// O0-NOT: %gs:
// O0: retq
void plain_write_ptr(int * v) { pc_ptr = v; }

// A constant is stored straight from the instruction's immediate.
// CHECK-LABEL: {{^}}write_u64_imm:
// CHECK-NEXT: movq $5, %gs:pc_u64(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}write_u64_imm:
// O0-NOT: %gs:
// O0: movq %{{[a-z]+}}, %gs:pc_u64(%rip)
// O0-NOT: %gs:
// O0: retq
void write_u64_imm(void) { this_cpu_write(pc_u64, 5); }

// CHECK-LABEL: {{^}}write_u16_imm:
// CHECK-NEXT: movw $4660, %gs:pc_u16(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}write_u16_imm:
// O0-NOT: %gs:
// O0: movw $4660, %gs:pc_u16(%rip)
// O0-NOT: %gs:
// O0: retq
void write_u16_imm(void) { __this_cpu_write(pc_u16, 0x1234); }

// CHECK-LABEL: {{^}}write_u8_imm:
// CHECK-NEXT: movb $7, %gs:pc_u8(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}write_u8_imm:
// O0-NOT: %gs:
// O0: movb $7, %gs:pc_u8(%rip)
// O0-NOT: %gs:
// O0: retq
void write_u8_imm(void) { pc_u8 = 7; }

// CHECK-LABEL: {{^}}write_ptr_null:
// CHECK-NEXT: movq $0, %gs:pc_ptr(%rip)
// CHECK-NEXT: retq
// O0-LABEL: {{^}}write_ptr_null:
// O0-NOT: %gs:
// O0: movq %{{[a-z]+}}, %gs:pc_ptr(%rip)
// O0-NOT: %gs:
// O0: retq
void write_ptr_null(void) { this_cpu_write(pc_ptr, (int *)0); }
// SPDX-License-Identifier: BSD-2-Clause
