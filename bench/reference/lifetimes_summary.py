"""Reference side of bench/rows.bench.ts: the Python `lifetimes` package's RFM summary
(summary_data_from_transaction_data), timed one call at a time on request, so the benchmark can interleave
it with the TypeScript runs.

Usage: python3 lifetimes_summary.py  (lifetimes and autograd importable, e.g. on PYTHONPATH).
Requests, one per line on stdin, one JSON line in reply on stdout:
  load DIR ZONE   reads DIR/customer.i32 (little-endian int32), DIR/time.f64 (epoch ms) and DIR/value.f64
                  (float64, optional) and DIR/end.txt (observation end, epoch ms) into a DataFrame of naive
                  datetimes (the wall-clock time in ZONE, an IANA name; not timed); replies {"rows": n}
  run             times summary_data_from_transaction_data(freq="D") on the loaded frame; replies
                  {"wall": ms, "cpu": ms, "customers": n, "frequency": Σ, "recency": Σ, "T": Σ, "monetary": Σ}
Prints {"ready": version} first, or {"error": message} and exits when lifetimes cannot be imported.
"""
import json
import os
import sys
import time


def main():
    try:
        import numpy as np
        import pandas as pd
        import lifetimes
        from lifetimes.utils import summary_data_from_transaction_data
    except Exception as error:  # report, do not crash: the benchmark says the reference is missing
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
        return

    frame = None
    end = None
    with_value = False
    print(json.dumps({"ready": f"lifetimes {lifetimes.__version__}, pandas {pd.__version__}"}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "load":
            folder, zone = words[1], words[2]
            frame = None
            customer = np.fromfile(f"{folder}/customer.i32", dtype="<i4")

            def local(ms):
                stamps = pd.to_datetime(ms, unit="ms", utc=True)
                return stamps.tz_convert(zone).tz_localize(None)

            times = local(np.fromfile(f"{folder}/time.f64", dtype="<f8").astype("int64"))
            columns = {"customer": customer, "date": times}
            with_value = os.path.exists(f"{folder}/value.f64")
            if with_value:
                columns["value"] = np.fromfile(f"{folder}/value.f64", dtype="<f8")
            frame = pd.DataFrame(columns)
            end = local(np.array([int(float(open(f"{folder}/end.txt").read()))]))[0]
            print(json.dumps({"rows": len(frame)}), flush=True)
        elif words[0] == "run":
            c0 = time.process_time()
            t0 = time.perf_counter()
            out = summary_data_from_transaction_data(
                frame,
                "customer",
                "date",
                monetary_value_col="value" if with_value else None,
                observation_period_end=end,
                freq="D",
            )
            wall = (time.perf_counter() - t0) * 1000
            cpu = (time.process_time() - c0) * 1000
            reply = {
                "wall": wall,
                "cpu": cpu,
                "customers": int(len(out)),
                "frequency": float(out["frequency"].sum()),
                "recency": float(out["recency"].sum()),
                "T": float(out["T"].sum()),
                "monetary": float(out["monetary_value"].sum()) if with_value else 0.0,
            }
            print(json.dumps(reply), flush=True)
        else:
            print(json.dumps({"error": f"unknown request {words[0]}"}), flush=True)


if __name__ == "__main__":
    main()
