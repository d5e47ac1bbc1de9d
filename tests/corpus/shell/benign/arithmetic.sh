#!/usr/bin/env bash
# benign: integer arithmetic with $(( a + b )) on numbers
set -euo pipefail
a=17
b=25
sum=$(( a + b ))
product=$(( a * b ))
pct=$(( 100 * a / (a + b) ))
(( sum > 40 )) && echo "sum $sum is above 40"
echo "sum=$sum product=$product pct=$pct%"
for i in $(seq 1 5); do
  echo "$i squared is $(( i * i ))"
done
