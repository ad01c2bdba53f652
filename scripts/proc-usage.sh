# Sourced by the soak benchmarks (scripts/bench.d/36-watch.sh, 37-app-saves.sh):
# what /proc says about a process, as the soak tests read it (ProcessTable).
proc_rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }         # resident KiB
proc_fds() { ls "/proc/$1/fd" | wc -l; }                               # open descriptors
proc_children() { awk -v p="$1" '$4 == p' /proc/[0-9]*/stat 2>/dev/null | wc -l; }   # children not yet reaped
