"""Reference side of bench/fits.bench.ts: the Python `lifetimes` package's fitters, timed one fit at a time
on request, so the benchmark can interleave them with the TypeScript fits.

Usage: python3 lifetimes_fits.py DIR  (lifetimes and autograd importable, e.g. on PYTHONPATH).
DIR holds little-endian float64 columns written by the benchmark, one file per column, named
`<dataset>.<column>.f64` (columns frequency, recency, T for the transaction models; frequency, monetary for
Gamma-Gamma; frequency, recency, n for BG/BB), and cases.json: {case: {model, dataset, weighted}}. Then
one case name per line on stdin; one JSON line per case on stdout:
{"wall": ms, "cpu": ms, "ll": total log-likelihood at the fitted parameters, "params": {...}}.
`weighted` cases time a pandas groupby of the rows to distinct patterns plus the fit with `weights` (the
way lifetimes users compress); the others fit the raw rows. Penalizer 0 everywhere. ll is recomputed
outside the timing from the fitter's own likelihood at its own (unscaled) parameters, as a total Σ w·ℓ.
Prints {"ready": version} first, or {"error": message} and exits when lifetimes cannot be imported.
"""
import json
import sys
import time


def main():
    folder = sys.argv[1]
    try:
        import numpy as np
        import pandas as pd
        import lifetimes
        from lifetimes import (
            BetaGeoBetaBinomFitter,
            BetaGeoFitter,
            GammaGammaFitter,
            ModifiedBetaGeoFitter,
            ParetoNBDFitter,
        )
    except Exception as error:  # report, do not crash: the benchmark says the reference is missing
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
        return

    cases = json.load(open(f"{folder}/cases.json"))
    cache = {}

    def column(dataset, name):
        key = f"{dataset}.{name}"
        if key not in cache:
            cache[key] = np.fromfile(f"{folder}/{key}.f64", dtype="<f8")
        return cache[key]

    transaction = {"bgNbd": BetaGeoFitter, "mbgNbd": ModifiedBetaGeoFitter, "paretoNbd": ParetoNBDFitter}
    columns = {"gammaGamma": ["frequency", "monetary"], "bgBb": ["frequency", "recency", "n"]}

    def run(case):
        model, dataset, weighted = case["model"], case["dataset"], case["weighted"]
        names = columns.get(model, ["frequency", "recency", "T"])
        data = [column(dataset, c) for c in names]
        np.random.seed(0)  # ParetoNBDFitter starts from a random point
        c0 = time.process_time()
        t0 = time.perf_counter()
        if weighted:
            frame = pd.DataFrame(dict(zip(names, data)))
            grouped = frame.groupby(names).size().reset_index(name="weights")
            args = [grouped[c].values for c in names]
            weights = grouped["weights"].values.astype(float)
        else:
            args = data
            weights = None
        if model == "bgBb":
            fitter = BetaGeoBetaBinomFitter().fit(*[a.astype(int) for a in args], weights=weights)
        elif model == "gammaGamma":
            fitter = GammaGammaFitter().fit(*args, weights=weights)
        else:
            fitter = transaction[model]().fit(*args, weights=weights)
        wall = (time.perf_counter() - t0) * 1000
        cpu = (time.process_time() - c0) * 1000
        w = np.ones_like(args[0], dtype=float) if weights is None else weights
        p = fitter.params_
        if model == "paretoNbd":
            values = [p["r"], p["alpha"], p["s"], p["beta"]]
            ll = -ParetoNBDFitter._negative_log_likelihood(values, *args, w, 0.0) * w.mean()
        elif model in ("bgNbd", "mbgNbd"):
            values = np.log([p["r"], p["alpha"], p["a"], p["b"]])
            ll = -transaction[model]._negative_log_likelihood(values, *args, w, 0.0) * w.sum()
        elif model == "gammaGamma":
            values = np.log([p["p"], p["q"], p["v"]])
            ll = -GammaGammaFitter._negative_log_likelihood(values, *args, w, 0.0) * w.sum()
        else:
            values = np.log([p["alpha"], p["beta"], p["gamma"], p["delta"]])
            ll = -BetaGeoBetaBinomFitter._negative_log_likelihood(values, *args, w, 0.0) * w.sum()
        return {"wall": wall, "cpu": cpu, "ll": float(ll), "params": {k: float(v) for k, v in p.items()}}

    print(json.dumps({"ready": f"lifetimes {lifetimes.__version__}, numpy {np.__version__}, pandas {pd.__version__}"}), flush=True)
    for line in sys.stdin:
        name = line.strip()
        if name not in cases:
            print(json.dumps({"error": f"unknown case {name}"}), flush=True)
            continue
        try:
            print(json.dumps(run(cases[name])), flush=True)
        except Exception as error:
            print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)


if __name__ == "__main__":
    main()
