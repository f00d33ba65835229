// The linker script fragments (linker/) at link time, with lld and, when
// installed, GNU ld: what they define, and the errors they turn run-time
// failures into.
// REQUIRES: runtime-aarch64
// RUN: rm -rf %t && mkdir -p %t
// Layout (a), delta: the template at its link address; percpu-areas.ld
// reserves 4 areas after it.
// RUN: %percpu_cc --target=aarch64-none-elf -ffreestanding -nostdlib -static -O2 -Wl,--defsym=PERCPU_NR_CPUS=4 -Wl,-L%percpu_linker,-T,%S/Inputs/delta-areas.ld %S/Inputs/in_place_user.c -o %t/delta
// RUN: llvm-readelf --sections --symbols %t/delta | FileCheck --check-prefix=DELTA %s
// The alignment records are in the template's output section, so that no
// read-only segment of their own splits the writable data, and the NOLOAD
// areas after them are writable too.
// RUN: llvm-readelf --sections --segments %t/delta | FileCheck --check-prefix=SEGMENTS %s
// Layout (b): the template linked at 0 and loaded at _percpu_start.
// RUN: %percpu_cc --target=aarch64-none-elf -ffreestanding -nostdlib -static -O2 -Wl,-L%percpu_linker,-T,%S/Inputs/aarch64-vma0.ld %S/Inputs/in_place_user.c -o %t/vma0
// RUN: llvm-readelf --sections --segments --symbols %t/vma0 | FileCheck --check-prefix=VMA0 %s
// PERCPU_NR_CPUS = 0 is a link error. percpu_init_in_place without areas
// reserved in the image links (its references are weak, so that
// --whole-archive links of the runtime work) and returns -EINVAL.
// RUN: not %percpu_cc --target=aarch64-none-elf -ffreestanding -nostdlib -static -O2 -Wl,-L%percpu_linker,-T,%S/Inputs/zero-cpus.ld %S/Inputs/in_place_user.c -o %t/zero 2>&1 | FileCheck --check-prefix=ZERO %s
// RUN: %percpu_cc --target=aarch64-none-elf -ffreestanding -nostdlib -static -O2 -Wl,-L%percpu_linker,-T,%S/Inputs/aarch64.ld %S/Inputs/in_place_user.c -o %t/none
// RUN: llvm-readelf --sections %t/none | FileCheck --check-prefix=NONE %s
// The template must lie in what the boot loader loads: a script that ends
// its loaded data (_edata) before the template fails its ASSERT against
// __percpu_template_image_end, which both layouts define.
// RUN: not %percpu_cc --target=aarch64-none-elf -ffreestanding -nostdlib -static -O2 -Wl,-L%percpu_linker,-T,%S/Inputs/template-past-edata.ld %S/Inputs/in_place_user.c -o %t/past 2>&1 | FileCheck --check-prefix=PAST %s
// More areas than the runtime's table holds (PERCPU_MAX_CPUS, 4096) is a
// link error, not percpu_init_in_place's -EINVAL at run time.
// RUN: not %percpu_cc --target=aarch64-none-elf -ffreestanding -nostdlib -static -O2 -Wl,--defsym=PERCPU_NR_CPUS=4097 -Wl,-L%percpu_linker,-T,%S/Inputs/delta-areas.ld %S/Inputs/in_place_user.c -o %t/many 2>&1 | FileCheck --check-prefix=MANY %s

// DELTA: percpu PROGBITS [[TEMPLATE:[0-9a-f]+]]
// DELTA-NOT: percpu_align
// DELTA: percpu_areas NOBITS
// DELTA-DAG: [[TEMPLATE]] {{.*}} __start_percpu
// DELTA-DAG: [[TEMPLATE]] {{.*}} _percpu_load_start
// DELTA-DAG: [[TEMPLATE]] {{.*}} __percpu_template_image
// DELTA-DAG: 0000000000000004 {{.*}} PERCPU_NR_CPUS
// DELTA-DAG: 0000000000000040 {{.*}} __percpu_area_align
// The stride holds the template (0x14 bytes, rounded to 64) and the default
// dynamic reserve (2048); the table after the areas holds a 16-byte header
// (__percpu_table_header_bytes: aarch64's has offsets[-1]), the runtime's
// capacity of 4096 entries (__percpu_max_cpus: aarch64's
// PERCPU_MAX_CPUS, more than 4 and one past the last), and a map byte per
// 16 bytes of the reserve.
// DELTA-DAG: 0000000000000840 {{.*}} __percpu_stride
// DELTA-DAG: 0000000000000800 {{.*}} __percpu_dynamic_bytes
// DELTA-DAG: 0000000000000040 {{.*}} __percpu_dynamic_align
// DELTA-DAG: 0000000000001000 {{.*}} __percpu_max_cpus
// DELTA-DAG: 0000000000000010 {{.*}} __percpu_table_header_bytes
// DELTA-DAG: 0000000000008090 {{.*}} __percpu_table_bytes
// DELTA-DAG: {{[0-9a-f]+}}{{[048c]}}0 {{.*}} _percpu_start
// DELTA-DAG: [[END:[0-9a-f]+]] {{.*}} _percpu_end
// DELTA-DAG: [[END]] {{.*}} _percpu_table_start

// A script (here the command line) sizes the reserve before the fragments.
// RUN: %percpu_cc --target=aarch64-none-elf -ffreestanding -nostdlib -static -O2 -Wl,--defsym=PERCPU_NR_CPUS=4 -Wl,--defsym=PERCPU_DYNAMIC_BYTES=4096 -Wl,--defsym=PERCPU_DYNAMIC_ALIGN=4096 -Wl,-L%percpu_linker,-T,%S/Inputs/delta-areas.ld %S/Inputs/in_place_user.c -o %t/dyn
// RUN: llvm-readelf --symbols %t/dyn | FileCheck --check-prefix=DYN %s
// DYN-DAG: 0000000000001000 {{.*}} __percpu_area_align
// DYN-DAG: 0000000000002000 {{.*}} __percpu_stride
// DYN-DAG: {{[0-9a-f]+}}000 {{.*}} _percpu_start
// RUN: not %percpu_cc --target=aarch64-none-elf -ffreestanding -nostdlib -static -O2 -Wl,--defsym=PERCPU_NR_CPUS=4 -Wl,--defsym=PERCPU_DYNAMIC_ALIGN=48 -Wl,-L%percpu_linker,-T,%S/Inputs/delta-areas.ld %S/Inputs/in_place_user.c -o %t/bad 2>&1 | FileCheck --check-prefix=BADALIGN %s
// BADALIGN: {{PERCPU_DYNAMIC_ALIGN must be a power of two from 16 to 4096|alignment must be power of 2}}

// SEGMENTS: percpu_areas NOBITS {{[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ 00}} WA
// SEGMENTS: Section to Segment mapping:
// SEGMENTS: .data percpu percpu_areas .bss

// VMA0: percpu PROGBITS 0000000000000000
// VMA0: percpu_areas NOBITS
// VMA0: LOAD {{0x[0-9a-f]+}} 0x0000000000000000 0x[[AREA0:0*4008[0-9a-f]+]]
// VMA0-DAG: 0000000000000000 {{.*}} __start_percpu
// VMA0-DAG: 0000000000000000 {{.*}} _percpu_load_start
// VMA0-DAG: [[AREA0]] {{.*}} _percpu_start
// VMA0-DAG: [[AREA0]] {{.*}} __percpu_template_image

// ZERO: PERCPU_NR_CPUS must be at least 1
// MANY: PERCPU_NR_CPUS is above the runtime's PERCPU_MAX_CPUS
// PAST: percpu: the template lies past _edata, where the loader stops
// NONE: percpu PROGBITS
// NONE-NOT: percpu_areas
// SPDX-License-Identifier: BSD-2-Clause
