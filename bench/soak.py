#!/usr/bin/env python3
"""PCMT soak benchmark (issue 18): N minutes of mixed load against a running server, not part of CI.

Mix per worker loop: person search (40 %), person read (25 %), registration (10 %), case fact (drug test, 10 %),
dashboard page (10 %), work items (5 %). Reports per minute: requests, errors (5xx, dropped connections, timeouts: must
be 0), p50/p99 latency of each operation, and the server's RSS (from /proc/<pid>/status, sampled every 10 s: must stay
flat). Standard library only.

Usage (the server as bench/run.sh starts it, or any deployment with demo data):
  bench/soak.py --url http://127.0.0.1:5080 --admin-password … --server-pid N [--minutes 30] [--workers 16]
                [--province 19] [--out bench/results/soak-latest.md]
"""
import argparse, http.cookiejar, json, os, random, re, threading, time, urllib.error, urllib.parse, urllib.request
from collections import defaultdict

p = argparse.ArgumentParser()
p.add_argument("--url", default="http://127.0.0.1:5080")
p.add_argument("--admin-password", required=True)
p.add_argument("--server-pid", type=int)
p.add_argument("--minutes", type=float, default=30)
p.add_argument("--workers", type=int, default=16)
p.add_argument("--province", default="19")
p.add_argument("--out", default="bench/results/soak-latest.md")
args = p.parse_args()
URL = args.url.rstrip("/")
PASSWORD = "Soak-User-2026-x"


def call(method, path, token=None, body=None, opener=None, timeout=30):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(URL + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def token(user, password):
    status, body = call("POST", "/api/v1/auth/token", body={"userName": user, "password": password})
    assert status == 200, f"sign-in of {user}: {status} {body[:200]}"
    return json.loads(body)["accessToken"]


admin = token("admin", args.admin_password)
user = f"soak.pc.{args.province}"
call("POST", "/api/v1/users", admin, {"userName": user, "password": PASSWORD, "fullName": "Soak " + user, "role": "province-police", "scope": args.province})
police = token(user, PASSWORD)
# Tokens live TokenLifetimeMinutes (60 by default): renewed by the workers every 30 minutes.
token_lock = threading.Lock()
tokens = {"police": police, "at": time.time()}


def police_token():
    with token_lock:
        if time.time() - tokens["at"] > 1800:
            tokens["police"], tokens["at"] = token(user, PASSWORD), time.time()
        return tokens["police"]


def page_opener():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(URL + "/Account/Login", timeout=30).read().decode()
    af = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"Input.UserName": user, "Input.Password": PASSWORD, "__RequestVerificationToken": af}).encode()
    opener.open(urllib.request.Request(URL + "/Account/Login", data=data, method="POST"), timeout=30).read()
    return opener


FRAGMENTS = ["nguyen", "tran", "le", "pham", "hoang", "van", "thi", "hung", "dung", "minh", "lan", "hoa", "son", "tuan"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
GIVEN = ["Văn Hùng", "Thị Lan", "Văn Sơn", "Minh Tuấn", "Thị Hoa", "Đức Dũng", "Quang Minh"]
status, body = call("GET", f"/api/v1/admin-units/?level=commune&province={args.province}&pageSize=200", police)
communes = [u["code"] for u in json.loads(body).get("items", [])] or ["05443"]
ids, ids_lock = [], threading.Lock()

samples = defaultdict(list)   # (minute, operation) -> [ms]
errors = defaultdict(int)     # minute -> count
refused = defaultdict(int)    # minute -> 4xx count (expected ones: duplicate citizen IDs)
rss = []                      # (seconds, MB)
lock = threading.Lock()
start = time.time()
stop_at = start + args.minutes * 60


def record(operation, began, status):
    minute = int((began - start) // 60)
    with lock:
        samples[(minute, operation)].append((time.time() - began) * 1000)
        if status == 0 or status >= 500:
            errors[minute] += 1
        elif status >= 400:
            refused[minute] += 1


def worker(seed):
    rnd = random.Random(seed)
    opener = page_opener()
    while time.time() < stop_at:
        roll = rnd.random()
        began = time.time()
        try:
            if roll < 0.40:
                operation = "search"
                status, body = call("GET", f"/api/v1/persons?q={rnd.choice(FRAGMENTS)}&pageSize=20", police_token())
                if status == 200:
                    found = [item["id"] for item in json.loads(body).get("items", [])]
                    with ids_lock:
                        ids.extend(found[:3])
                        del ids[:-5000]
            elif roll < 0.65 and ids:
                operation = "read"
                status, _ = call("GET", f"/api/v1/persons/{rnd.choice(ids)}", police_token())
            elif roll < 0.75:
                operation = "register"
                year, female = rnd.randint(1960, 2005), rnd.random() < 0.3
                citizen = f"0{args.province}{(year // 100 - 19) * 2 + female}{year % 100:02d}{rnd.randrange(1_000_000):06d}"
                status, body = call("POST", "/api/v1/persons", police_token(), {
                    "fullName": f"{rnd.choice(SURNAMES)} {rnd.choice(GIVEN)} Soak", "aliases": [], "dateOfBirth": f"{year}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}",
                    "sex": "female" if female else "male", "citizenId": citizen, "residenceCommuneCode": rnd.choice(communes), "address": "Tổ 1",
                    "substances": ["methamphetamine"], "confirmedNotDuplicate": True})
                if status == 201:
                    with ids_lock:
                        ids.append(json.loads(body)["id"])
            elif roll < 0.85 and ids:
                operation = "case-fact"
                status, _ = call("POST", f"/api/v1/persons/{rnd.choice(ids)}/drug-tests", police_token(), {
                    "takenAt": time.strftime("%Y-%m-%dT%H:%M:%S+07:00", time.gmtime(time.time() + 7 * 3600 - 3600)), "sampleType": "urine", "result": "negative"})
            elif roll < 0.95:
                operation = "dashboard"
                with opener.open(URL + "/Dashboard", timeout=30) as response:
                    status = response.status
                    response.read()
            else:
                operation = "work-items"
                status, _ = call("GET", "/api/v1/work-items?pageSize=50", police_token())
        except Exception:  # dropped connection, timeout
            operation, status = "dropped", 0
        record(operation, began, status)


def sample_rss():
    while time.time() < stop_at:
        if args.server_pid:
            try:
                with open(f"/proc/{args.server_pid}/status") as f:
                    kb = int(next(line for line in f if line.startswith("VmRSS")).split()[1])
                with lock:
                    rss.append((time.time() - start, kb / 1024))
            except (OSError, StopIteration):
                pass
        time.sleep(10)


threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.workers)] + [threading.Thread(target=sample_rss, daemon=True)]
for t in threads:
    t.start()
for t in threads:
    t.join()


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0


operations = sorted({op for (_, op) in samples})
minutes = sorted({m for (m, _) in samples})
lines = [f"# Soak: {args.minutes:g} minutes, {args.workers} workers, province {args.province}", "",
         f"Total requests: {sum(len(v) for v in samples.values()):,}; **errors (5xx, dropped, timeouts): {sum(errors.values())}**; refused 4xx: {sum(refused.values())}.", "",
         "| Minute | Requests | Errors | " + " | ".join(f"{op} p50 / p99 ms" for op in operations) + " | RSS MB |",
         "|---" * (4 + len(operations)) + "|"]
for m in minutes:
    rss_m = [mb for (s, mb) in rss if int(s // 60) == m]
    lines.append(f"| {m + 1} | {sum(len(samples[(m, op)]) for op in operations)} | {errors[m]} | "
                 + " | ".join(f"{pct(samples[(m, op)], 0.5):.0f} / {pct(samples[(m, op)], 0.99):.0f}" for op in operations)
                 + (f" | {max(rss_m):.0f} |" if rss_m else " | |"))
if rss:
    first = [mb for (s, mb) in rss if s < 300]
    last = [mb for (s, mb) in rss if s > rss[-1][0] - 300]
    lines += ["", f"RSS: first 5 minutes max {max(first):.0f} MB, last 5 minutes max {max(last):.0f} MB, peak {max(mb for _, mb in rss):.0f} MB."]
report = "\n".join(lines) + "\n"
os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
with open(args.out, "w") as f:
    f.write(report)
print(report)
raise SystemExit(1 if sum(errors.values()) else 0)
