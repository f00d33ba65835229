// RUN: %percpu_cc --percpu-print-config %s -o %t -lm | FileCheck %s --check-prefix=LINK -DLIB=%percpu_lib -DFILE=%s -DOUT=%t
// Verify that the runtime archive is appended after the user's arguments when the command links, and only then.
// RUN: %percpu_cc --percpu-print-config a.o b.o | FileCheck %s --check-prefix=OBJS -DLIB=%percpu_lib
// RUN: %percpu_cc --percpu-print-config -x c %s | FileCheck %s --check-prefix=LANG -DLIB=%percpu_lib -DFILE=%s
// RUN: %percpu_cc --percpu-print-config -c %s | FileCheck %s --check-prefix=NOLINK -DFILE=%s
// RUN: %percpu_cc --percpu-print-config -S %s | FileCheck %s --check-prefix=NOLINK -DFILE=%s
// RUN: %percpu_cc --percpu-print-config -E %s | FileCheck %s --check-prefix=NOLINK -DFILE=%s
// RUN: %percpu_cc --percpu-print-config -fsyntax-only %s | FileCheck %s --check-prefix=NOLINK -DFILE=%s
// RUN: %percpu_cc --percpu-print-config -M %s | FileCheck %s --check-prefix=NOLINK -DFILE=%s
// RUN: %percpu_cc --percpu-print-config -MM %s | FileCheck %s --check-prefix=NOLINK -DFILE=%s
// RUN: %percpu_cc --percpu-print-config --version | FileCheck %s --check-prefix=NOINPUT
// RUN: %percpu_cc --percpu-print-config -o %t -I %S -D X | FileCheck %s --check-prefix=NOINPUT

// LINK:      links: yes
// LINK-NEXT: command: {{.*}} [[FILE]] -o [[OUT]] -lm [[LIB]]/x86_64/libpercpu.a{{$}}

// OBJS:      links: yes
// OBJS-NEXT: command: {{.*}} a.o b.o [[LIB]]/x86_64/libpercpu.a{{$}}

// "-x c" would make clang read the archive as C source.
// LANG:      links: yes
// LANG-NEXT: command: {{.*}} -x c [[FILE]] -x none [[LIB]]/x86_64/libpercpu.a{{$}}

// NOLINK:      links: no
// NOLINK-NEXT: command: {{.*}} [[FILE]]{{$}}

// NOINPUT:      links: no
// NOINPUT-NOT:  command: {{.*}}libpercpu.a
