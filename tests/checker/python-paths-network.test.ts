import { describe, expect, it } from 'vitest';
import { explain, policyWith, py, rules } from './helpers.ts';

describe('python file paths', () => {
  it.each([
    ['open("/etc/shadow")', 'py.path.outside'],
    ['open("/proc/self/environ").read()', 'py.path.outside'],
    ['import io\nio.open("/proc/1/environ")', 'py.path.outside'],
    ['open("/data/x.csv", "w")', 'py.path.write-outside'],
    ['open(file="/data/x.csv", mode="a")', 'py.path.write-outside'],
    ['open("../../etc/passwd")', 'py.path.traversal'],
    ['open("/etc/" + name)', 'py.path.outside'],
    ['open(f"/root/.ssh/{key}")', 'py.path.outside'],
    ['import os\nopen(os.path.join("/etc", "passwd"))', 'py.path.outside'],
    ['import os\nopen(os.path.expanduser("~/.ssh/id_rsa"))', 'py.path.outside'],
    ['import os\nopen(os.path.join(os.environ.get("HOME", "/root"), ".bashrc"), "a")', 'py.path.write-outside'],
    ['from pathlib import Path\nPath("/etc/passwd").read_text()', 'py.path.outside'],
    ['from pathlib import Path\n(Path("/workspace") / ".." / "etc" / "shadow").read_text()', 'py.path.outside'],
    ['from pathlib import Path\nPath.home().joinpath(".bashrc").write_text("x")', 'py.path.write-outside'],
    ['from pathlib import Path\np = Path("/data/out.txt")\np.write_text("x")', 'py.path.write-outside'],
    ['import pathlib\npathlib.Path("/workspace/l").symlink_to("/etc")', 'py.path.symlink'],
    ['import pandas as pd\npd.read_csv("/etc/passwd")', 'py.path.outside'],
    ['df.to_csv("/data/out.csv")', 'py.path.write-outside'],
    ['import glob\nglob.glob("/etc/*")', 'py.path.outside'],
    [
      'import sqlite3\nc = sqlite3.connect("/workspace/r.db")\nc.execute("ATTACH DATABASE \'/etc/cron.d/x\' AS x")',
      'py.path.write-outside',
    ],
    ['import os\nopen(os.path.join(os.sep, "usr", "bin", "x"), "w")', 'py.path.write-outside'],
  ])('%s → %s', (src, rule) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it.each([
    'open("/data/input.csv").read()',
    'open("report.txt", "w").write("x")',
    'open("/tmp/scratch.txt", "w")',
    'open("/workspace/out/result.json", "w")',
    'open(sys.argv[1])',
    'open("/dev/null", "w")',
    'from pathlib import Path\nPath("out").mkdir(exist_ok=True)\n(Path("out") / "a.txt").write_text("x")',
    'import pandas as pd\ndf = pd.read_csv("/data/sales.csv")\ndf.to_csv("summary.csv")',
    'import os\nos.makedirs("/workspace/out", exist_ok=True)',
    'with open(f"/data/{name}.csv") as fh:\n    pass',
  ])('allowed: %s', (src) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(true);
  });
});

describe('python network', () => {
  const open = policyWith((p) => {
    p.network.allowOutbound = true;
    p.network.allowedHosts = ['api.example.com', '*.trusted.org', 'https://data.example.net/v1/'];
  });

  it.each([
    ['import requests\nrequests.get("https://api.example.com/x")', 'py.network.disabled'],
    ['import pandas as pd\npd.read_csv("https://evil.example/x.csv")', 'py.network.disabled'],
    ['import logging.handlers\nlogging.handlers.HTTPHandler("evil.example", "/")', 'py.network.disabled'],
    ['import socket', 'py.import.forbidden'],
    ['import urllib.request', 'py.import.forbidden'],
    ['url = "http://169.254.169.254/latest/meta-data/"', 'py.network.metadata'],
  ])('default policy: %s → %s', (src, rule) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r)).toContain(rule);
  });

  it.each([
    ['import requests\nrequests.get("https://evil.example/x")', 'py.network.host-not-allowed'],
    ['import requests\nrequests.post(url)', 'py.network.url-unknown'],
    ['import requests\ns = requests.Session()\ns.get("https://evil.example/")', 'py.network.host-not-allowed'],
    ['import requests\nrequests.request("GET", "https://evil.example/")', 'py.network.host-not-allowed'],
    ['import requests\nrequests.get(f"https://{host}/x")', 'py.network.url-unknown'],
    ['import requests\nrequests.get("https://data.example.net/v2/x")', 'py.network.host-not-allowed'],
    ['import requests\nrequests.get("http://2852039166/")', 'py.network.metadata'],
  ])('allowOutbound with allow-list: %s → %s', (src, rule) => {
    const r = py(src, open);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r)).toContain(rule);
  });

  it.each([
    'import requests\nrequests.get("https://api.example.com/v1/items", timeout=10)',
    'import requests\nrequests.get(f"https://api.example.com/items/{item_id}")',
    'import requests\nrequests.get("https://x.trusted.org/a")',
    'import requests\nrequests.get("https://data.example.net/v1/a.csv")',
  ])('allowed host: %s', (src) => {
    const r = py(src, open);
    expect(r.allowed, explain(r)).toBe(true);
  });
});
