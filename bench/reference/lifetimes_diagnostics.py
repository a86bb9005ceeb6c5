"""Reference side of bench/diagnostics.bench.ts: the Python `lifetimes` package's tracking data and the
summed per-customer predictions behind a customer-base total, timed one call at a time on request.

Usage: python3 lifetimes_diagnostics.py  (lifetimes and autograd importable, e.g. on PYTHONPATH).
Prints {"ready": version} first, or {"error": message} and exits when lifetimes cannot be imported.
Then one JSON request per line on stdin, one JSON line per request on stdout:
  {"case": "tracking", "dir": D, "days": t, "params": {...}}
      D/customer.i32 (little-endian int32 ids) and D/time.f64 (epoch ms) form the transaction log;
      lifetimes.utils.expected_cumulative_transactions(model, log, t=days, freq="D", freq_multiplier=7)
      → {"wall": ms, "cpu": ms, "predicted": cumulative expected purchases per week}
  {"case": "totals", "dir": D, "horizon": H, "params": {...}}
      D/frequency.f64, D/recency.f64, D/T.f64 are the customers;
      Σᵢ conditional_expected_number_of_purchases_up_to_time(h, …) for h = 1 … H
      → {"wall": ms, "cpu": ms, "expected": [Σ at h = 1, …, H]}
Loading the files is not timed; building the pandas frame of the log is (lifetimes needs it).
"""
import json
import sys
import time


def main():
    try:
        import numpy as np
        import pandas as pd
        import lifetimes
        from lifetimes import BetaGeoFitter
        from lifetimes.utils import expected_cumulative_transactions
    except Exception as error:  # report, do not crash: the benchmark says the reference is missing
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
        return

    def fitter(values):
        model = BetaGeoFitter()
        model.params_ = pd.Series(values)
        return model

    print(json.dumps({"ready": f"lifetimes {lifetimes.__version__}, numpy {np.__version__}, pandas {pd.__version__}"}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        folder = request["dir"]
        model = fitter(request["params"])
        if request["case"] == "tracking":
            customer = np.fromfile(f"{folder}/customer.i32", dtype="<i4")
            stamp = np.fromfile(f"{folder}/time.f64", dtype="<f8")
            c0 = time.process_time()
            t0 = time.perf_counter()
            log = pd.DataFrame({"id": customer, "date": pd.to_datetime(stamp, unit="ms")})
            out = expected_cumulative_transactions(model, log, "date", "id", request["days"], freq="D", freq_multiplier=7)
            wall = (time.perf_counter() - t0) * 1000
            cpu = (time.process_time() - c0) * 1000
            print(json.dumps({"wall": wall, "cpu": cpu, "predicted": [float(v) for v in out["predicted"]]}), flush=True)
        elif request["case"] == "totals":
            f, r, T = (np.fromfile(f"{folder}/{name}.f64", dtype="<f8") for name in ("frequency", "recency", "T"))
            c0 = time.process_time()
            t0 = time.perf_counter()
            expected = [
                float(np.sum(model.conditional_expected_number_of_purchases_up_to_time(h, f, r, T)))
                for h in range(1, request["horizon"] + 1)
            ]
            wall = (time.perf_counter() - t0) * 1000
            cpu = (time.process_time() - c0) * 1000
            print(json.dumps({"wall": wall, "cpu": cpu, "expected": expected}), flush=True)
        else:
            print(json.dumps({"error": f"unknown case {request['case']}"}), flush=True)


if __name__ == "__main__":
    main()
