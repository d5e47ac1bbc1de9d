# benign: Monte Carlo estimate of project duration with numpy random
import numpy as np

rng = np.random.default_rng(seed=42)
n = 100_000
design = rng.triangular(3, 5, 10, size=n)
build = rng.normal(20, 4, size=n).clip(min=10)
test = rng.lognormal(mean=1.5, sigma=0.4, size=n)
total = design + build + test

p50, p80, p95 = np.quantile(total, [0.5, 0.8, 0.95])
late = np.mean(total > 35)
bands = np.digitize(total, [25, 30, 35, 40])
counts = np.bincount(bands, minlength=5)
print(f"P50={p50:.1f} P80={p80:.1f} P95={p95:.1f} days; P(>35 days)={late:.1%}")
print("distribution:", dict(zip(["<25", "25-30", "30-35", "35-40", ">=40"], counts.tolist())))
