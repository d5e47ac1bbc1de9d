#!/usr/bin/env bash
# runtime-limit: rootfs-write
# attack-class: 25
# title: create POSIX message queues by writing into /dev/mqueue
# why: each file there is a kernel message queue charged outside every tmpfs limit; it must be read-only

for i in $(seq 1 64); do
  : > "/dev/mqueue/queue-$i"
done
