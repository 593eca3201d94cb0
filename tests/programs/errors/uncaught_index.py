xs = [10, 20]
for i in range(3):
    print(xs[i])
