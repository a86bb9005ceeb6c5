"""Reference side of bench/predictions.bench.ts: the Python `lifetimes` package's predictions, timed one
call at a time on request, so the benchmark can interleave them with the TypeScript runs.

Usage: python3 lifetimes_predictions.py DIR  (lifetimes and autograd importable, e.g. on PYTHONPATH).
DIR holds the columns as little-endian float64 files written by the benchmark: frequency.f64,
recency.f64, T.f64 (transaction models), bgbb_*.f64 and many_*.f64 (BG/BB: frequency, recency, n),
recency_distinct.f64 and T_distinct.f64 (the same customers with
no (x, t) pair repeated) and spend_frequency.f64, spend_monetary.f64 (Gamma-Gamma), plus
params.json. Then one case name per line on stdin; one JSON line per case on stdout:
{"wall": ms, "cpu": ms, "sum": Σ of the predictions}. Prints {"ready": version} first, or
{"error": message} and exits when lifetimes cannot be imported.
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
        from lifetimes import BetaGeoBetaBinomFitter, BetaGeoFitter, GammaGammaFitter, ModifiedBetaGeoFitter, ParetoNBDFitter
    except Exception as error:  # report, do not crash: the benchmark says the reference is missing
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
        return

    def column(name):
        return np.fromfile(f"{folder}/{name}.f64", dtype="<f8")

    params = json.load(open(f"{folder}/params.json"))
    f, r, T = column("frequency"), column("recency"), column("T")
    rd, Td = column("recency_distinct"), column("T_distinct")
    sf, sm = column("spend_frequency"), column("spend_monetary")
    af, am = column("all_frequency"), column("all_monetary")
    bbf, bbr, bbn = column("bgbb_frequency"), column("bgbb_recency"), column("bgbb_n")
    mf, mr, mn = column("many_frequency"), column("many_recency"), column("many_n")
    horizon = params["t"]

    def fitter(cls, values):
        model = cls()
        model.params_ = pd.Series(values)
        return model

    bg = fitter(BetaGeoFitter, params["bgNbd"])
    mbg = fitter(ModifiedBetaGeoFitter, params["mbgNbd"])
    pnbd = fitter(ParetoNBDFitter, params["paretoNbd"])
    gg = fitter(GammaGammaFitter, params["gammaGamma"])
    bb = fitter(BetaGeoBetaBinomFitter, params["bgBb"])
    future = params["bgBbFuture"]
    cases = {
        "bgNbdProbabilityAlive": lambda: bg.conditional_probability_alive(f, r, T),
        "bgNbdConditionalExpectedPurchases": lambda: bg.conditional_expected_number_of_purchases_up_to_time(
            horizon, f, r, T
        ),
        "mbgNbdProbabilityAlive": lambda: mbg.conditional_probability_alive(f, r, T),
        "mbgNbdConditionalExpectedPurchases": lambda: mbg.conditional_expected_number_of_purchases_up_to_time(
            horizon, f, r, T
        ),
        "paretoNbdProbabilityAlive": lambda: pnbd.conditional_probability_alive(f, r, T),
        "paretoNbdConditionalExpectedPurchases": lambda: pnbd.conditional_expected_number_of_purchases_up_to_time(
            horizon, f, r, T
        ),
        "gammaGammaExpectedSpend": lambda: gg.conditional_expected_average_profit(sf, sm),
        "gammaGammaExpectedSpend/all": lambda: gg.conditional_expected_average_profit(af, am),
        "bgNbdConditionalExpectedPurchases/distinct": lambda: bg.conditional_expected_number_of_purchases_up_to_time(
            horizon, f, rd, Td
        ),
        "paretoNbdProbabilityAlive/distinct": lambda: pnbd.conditional_probability_alive(f, rd, Td),
        "bgNbdProbabilityAlive/distinct": lambda: bg.conditional_probability_alive(f, rd, Td),
        "mbgNbdProbabilityAlive/distinct": lambda: mbg.conditional_probability_alive(f, rd, Td),
        "mbgNbdConditionalExpectedPurchases/distinct": lambda: mbg.conditional_expected_number_of_purchases_up_to_time(
            horizon, f, rd, Td
        ),
        "paretoNbdConditionalExpectedPurchases/distinct": lambda: pnbd.conditional_expected_number_of_purchases_up_to_time(
            horizon, f, rd, Td
        ),
        # m = 0: alive at the last observed opportunity, as bgBbProbabilityAlive's default
        "bgBbProbabilityAlive": lambda: bb.conditional_probability_alive(0, bbf, bbr, bbn),
        "bgBbConditionalExpectedPurchases": lambda: bb.conditional_expected_number_of_purchases_up_to_time(
            future, bbf, bbr, bbn
        ),
        "bgBbProbabilityAlive/many-patterns": lambda: bb.conditional_probability_alive(0, mf, mr, mn),
        "bgBbConditionalExpectedPurchases/many-patterns": lambda: bb.conditional_expected_number_of_purchases_up_to_time(
            future, mf, mr, mn
        ),
    }
    def accurate_rows(x, tx, n):
        # the sum lifetimes forms, without its 1e-15 start: Σ_j B(α + x, β + tₓ − x + j)·B(γ + 1, δ + tₓ + j)
        from scipy.special import beta as betaf

        a, b, g, d = (params["bgBb"][k] for k in ("alpha", "beta", "gamma", "delta"))
        total = np.zeros_like(n)
        for j in np.arange((n - tx - 1).max() + 1):
            total += (n - tx - 1 >= j) * betaf(a + x, b + tx - x + j) * betaf(g + 1, d + tx + j)
        return 1e-15 <= 1e-9 * total

    print(json.dumps({"ready": f"lifetimes {lifetimes.__version__}, numpy {np.__version__}"}), flush=True)
    for line in sys.stdin:
        name = line.strip()
        if name not in cases:
            print(json.dumps({"error": f"unknown case {name}"}), flush=True)
            continue
        c0 = time.process_time()
        t0 = time.perf_counter()
        out = cases[name]()
        wall = (time.perf_counter() - t0) * 1000
        cpu = (time.process_time() - c0) * 1000
        reply = {"wall": wall, "cpu": cpu, "sum": float(np.sum(out))}
        if name.endswith("/many-patterns"):
            # lifetimes starts the likelihood's sum at 1e-15 (BetaGeoBetaBinomFitter._loglikelihood:
            # B = 1e-15 * np.ones_like(T), in linear space), which biases every row whose sum of beta terms is
            # not far above 1e-15 (long histories). Rows where that floor is below 1e-9 of the sum are marked
            # in mask_many.u8 (1 = lifetimes accurate there) and summed apart; untimed.
            keep = accurate_rows(mf, mr, mn)
            keep.astype(np.uint8).tofile(f"{folder}/mask_many.u8")
            reply["accurate_rows"] = int(keep.sum())
            reply["sum_accurate"] = float(np.sum(np.asarray(out)[keep]))
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
