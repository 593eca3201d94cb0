# statistics: mean, median, mode, stdev, variance on fixed data.
import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.pvariance(data))
print(st.stdev(data), st.variance(data), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.fmean([1.5, 2.5]), st.geometric_mean([1, 4, 16]), st.harmonic_mean([1, 2, 4]), st.multimode("aabbc"))
print(st.quantiles(range(1, 21), n=4))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
