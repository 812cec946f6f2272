#!/usr/bin/env python3
"""One wrk run with CPU accounting (issue 19): the server's and PostgreSQL's CPU milliseconds per request, which do not depend on
what else the machine runs, beside requests/s, p50/p99 and the errors by kind (a wrk timeout is a request slower than 2 s).
Usage: bench/wrk_cpu.py PORT SERVER_PID PATH HEADER [SECONDS=20] [CONNECTIONS=64] [PG_DATA_DIR] (PostgreSQL processes are
recognised by their working directory, the cluster's data directory; run as root or as the postgres user)."""
import os, re, subprocess, sys, time
port, server_pid, path, header = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
secs = int(sys.argv[5]) if len(sys.argv) > 5 else 20
conns = int(sys.argv[6]) if len(sys.argv) > 6 else 64
pg_dir = sys.argv[7] if len(sys.argv) > 7 else '/nonexistent'
tick = os.sysconf('SC_CLK_TCK')
def cpu(pid):
    try:
        f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
        return (int(f[11]) + int(f[12])) / tick
    except Exception: return 0.0
def pg_cpu():
    """CPU seconds per PostgreSQL process of the cluster, by pid."""
    seen = {}
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                cmd = open(f'/proc/{p}/cmdline','rb').read()
                if b'postgres' in cmd and open(f'/proc/{p}/status').read().find('Uid:\t0') < 0:
                    if os.readlink(f"/proc/{p}/cwd").startswith(pg_dir): seen[p] = cpu(p)
            except Exception: pass
    return seen
def pg_used(before, after):
    # Processes alive at the end only: a backend that ended during the run made the total negative (its CPU before the run
    # subtracted, nothing added). One started during the run (the pool growing) counts whole, all its CPU being in the run.
    return sum(after[p] - before.get(p, 0.0) for p in after)
s0, p0, t0 = cpu(server_pid), pg_cpu(), time.time()
load0 = open('/proc/loadavg').read().split()[0]
out = subprocess.run(['wrk', '-t2', f'-c{conns}', f'-d{secs}s', '--timeout', '2s', '--latency', '-H', header, f'http://127.0.0.1:{port}{path}'], capture_output=True, text=True).stdout
s1, p1 = cpu(server_pid), pg_cpu()
reqs = int(re.search(r'(\d+) requests in', out).group(1))
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
def ms(label):
    m = re.search(label + r'\s+([\d.]+)(us|ms|s)\b', out)
    return float(m.group(1)) * {'us': 0.001, 'ms': 1, 's': 1000}[m.group(2)] if m else float('nan')
sock = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', out)
sock = tuple(int(x) for x in sock.groups()) if sock else (0, 0, 0, 0)
non2xx = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', out)
non2xx = int(non2xx.group(1)) if non2xx else 0
load1 = open('/proc/loadavg').read().split()[0]
print(f'rps {rps:7.1f} p50 {ms("50%"):7.1f} p99 {ms("99%"):7.1f} ms | errors connect {sock[0]} read {sock[1]} write {sock[2]} timeout {sock[3]} non2xx {non2xx} | '
      f'server {1000*(s1-s0)/max(reqs,1):5.2f} cpu-ms/req, pg {1000*pg_used(p0, p1)/max(reqs,1):5.2f} cpu-ms/req | load {load0}->{load1}')
