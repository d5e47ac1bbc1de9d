#!/usr/bin/env bash
# attack-class: 13
# title: \/bin\/rm with escaped slashes
# why: every slash escaped; quote removal yields /bin/rm

\/bin\/rm -rf /workspace
