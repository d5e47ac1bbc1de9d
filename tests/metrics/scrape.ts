// Reads /metrics as a scraper would, with a maintained parser of the text format (parse-prometheus-text-format).
// That parser folds a histogram's series into one (it keeps the buckets of the last label set and drops
// _sum and _count when there are labels), so each text is parsed twice: as it is (names, types, help,
// counters, gauges) and with its TYPE lines left out, where every series, a histogram's _bucket, _sum
// and _count too, is a sample of its own with all its labels (untyped samples are valid text format).
// The text itself is never taken apart here: only whole TYPE lines are left out.
import parse, { type Family, type Sample } from 'parse-prometheus-text-format';

export interface Families {
  typed: Map<string, Family>;
  /** every series by its own name (x_bucket, x_sum, x_count of a histogram x) with all its labels */
  series: Map<string, Family>;
}

export function families(text: string): Families {
  const untyped = text
    .split('\n')
    .filter((l) => !l.startsWith('# TYPE '))
    .join('\n');
  // a histogram's series interleave (x_bucket…, x_sum, x_count, x_bucket… of the next label set): gather them by name
  const series = new Map<string, Family>();
  for (const f of parse(untyped)) {
    const seen = series.get(f.name);
    if (seen) seen.metrics.push(...f.metrics);
    else series.set(f.name, { ...f, metrics: [...f.metrics] });
  }
  return { typed: new Map(parse(text).map((f) => [f.name, f])), series };
}

/** The samples of a series whose labels include `labels`. */
export function samples(fs: Families, name: string, labels: Record<string, string> = {}): Sample[] {
  return (fs.series.get(name)?.metrics ?? []).filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
}

/** The sum of the matching samples' values; for a histogram (by its family name), of their counts. */
export function total(fs: Families, name: string, labels: Record<string, string> = {}): number {
  const series = fs.typed.get(name)?.type === 'HISTOGRAM' ? `${name}_count` : name;
  return samples(fs, series, labels).reduce((n, m) => n + Number(m.value ?? 0), 0);
}

/** Every label value of every series whose name starts with `prefix` (le of histogram buckets excepted). */
export function labelValues(fs: Families, prefix: string): string[] {
  return [...fs.series.values()]
    .filter((f) => f.name.startsWith(prefix))
    .flatMap((f) => f.metrics.flatMap((m) => Object.entries(m.labels ?? {}).flatMap(([k, v]) => (k === 'le' ? [] : [v]))));
}
