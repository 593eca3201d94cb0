import sys
print("fatal soon")
sys.exit("fatal: configuration invalid")
