# statistics: exact means/variances (Fraction sums), quantiles, mode, regression, errors.
import statistics as st
from fractions import Fraction as F
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.pvariance(data))
print(st.stdev(data), st.variance(data), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.fmean([1.5, 2.5]), st.geometric_mean([1, 4, 16]), st.harmonic_mean([1, 2, 4]), st.multimode("aabbc"))
print(st.quantiles(range(1, 21), n=4), st.quantiles([1.5, 2, 9, 4], n=10, method='inclusive'))
print(st.mean([1, 2]), st.mean([0.1, 0.2, 0.3]), st.mean([F(1, 3), F(2, 3), 1]), st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([0.1, 0.2, 0.35]))
print(st.median([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]), st.mode(['red', 'blue', 'red']), st.pvariance([F(1,4), F(5,4), F(1,2)]))
print(st.correlation([1, 2, 3, 4], [2, 4, 5, 9]), st.covariance([1, 2, 3], [1, 3, 2]), st.linear_regression([1, 2, 3], [2, 4, 7]))
print(st.NormalDist(10, 2).cdf(12), st.NormalDist.from_samples([1, 2, 3, 4]), st.stdev(range(1, 101)))
for f, arg in [(st.mean, []), (st.variance, [1]), (st.median, []), (st.mode, []), (st.stdev, [3])]:
    try: f(arg)
    except st.StatisticsError as e: print(f.__name__, e)
