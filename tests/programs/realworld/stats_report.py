# A text report over measurements: statistics (exact means/stdev), fractions, textwrap and pprint.
import statistics as st
import textwrap
import pprint
from fractions import Fraction
from collections import Counter

readings = {
    "north": [12.5, 13.1, 12.9, 14.2, 13.7, 12.2, 15.0],
    "south": [18, 17, 19, 21, 18, 18, 20, 22],
    "east": [9.75, 10.25, 9.5, 11.0, 10.0],
    "west": [Fraction(31, 2), Fraction(33, 2), Fraction(16), Fraction(35, 2)],
}


def summarize(name, values):
    return {
        "n": len(values),
        "mean": st.mean(values),
        "median": st.median(values),
        "stdev": round(st.stdev(values), 4),
        "pvariance": st.pvariance(values),
        "range": (min(values), max(values)),
    }


summary = {name: summarize(name, vals) for name, vals in readings.items()}
pprint.pprint(summary, width=72)
for name, s in summary.items():
    print(f"{name:>6}: mean={float(s['mean']):7.3f} median={float(s['median']):6.2f} sd={s['stdev']:.4f}")

all_values = [float(v) for vals in readings.values() for v in vals]
print("overall", round(st.fmean(all_values), 4), st.median_low(sorted(all_values)), st.quantiles(all_values, n=4))
rounded = Counter(round(v) for v in all_values)
print("modes", st.multimode(round(v) for v in all_values), rounded.most_common(3))
hot = [name for name, s in summary.items() if s["mean"] > st.mean(all_values)]
text = ("The stations above the overall mean were " + ", ".join(hot) + ". " +
        "Readings were taken hourly; the spread is reported as the sample standard deviation, "
        "and the population variance is given exactly where the data allow it.")
print(textwrap.fill(text, width=50, initial_indent="  * ", subsequent_indent="    "))
print(textwrap.indent(textwrap.dedent("""\
    Notes:
      west uses exact fractions
      south is integer data
    """), "| "), end="")
print(textwrap.shorten(text, 60))
print(st.correlation(readings["south"][:5], readings["north"][:5]) > 0, st.linear_regression([1, 2, 3, 4], [2, 4, 5, 8]))
