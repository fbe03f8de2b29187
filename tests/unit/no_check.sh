#!/bin/sh
# no_check.sh: stands in for the unit tests when configure did not find the
# Check framework, so that `make check` fails saying what to install rather
# than passing with the unit tests left out.
echo "1..1"
echo "not ok 1 - the unit tests need the Check framework: apt-get install check, then ./configure again"
exit 1
