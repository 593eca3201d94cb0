print(1)
for x in
