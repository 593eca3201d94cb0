import sys
def main():
    print("partial output")
    sys.stdout.flush()
    raise SystemExit("error message to stderr")
main()
